package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the answer term the diagram computed (its input {@code answerTerm}, 30 calendar days from
 * registration by default) and the executors' term the draft resolution suggests ({@code executorsTerm}).
 */
@Component("setAnswerTerm")
class SetAnswerTerm implements JavaDelegate {

    private final Appeals appeals;
    private final Clock clock;

    SetAnswerTerm(Appeals appeals, Clock clock) {
        this.appeals = appeals;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date term = (Date) execution.getVariableLocal(ANSWER_TERM);
        Date executorsTerm = (Date) execution.getVariableLocal(EXECUTORS_TERM);
        appeals.setAnswerTerm(documentId(execution), day(term));
        var instance = execution.getProcessInstance();
        instance.setVariable(ANSWER_DUE_DATE, term);
        instance.setVariable(SUGGESTED_DEADLINE, day(executorsTerm).toString());
        instance.setVariable(TERM_EXTENDED, false);
        instance.setVariable(TERM_ACTION, null);
    }

    private LocalDate day(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate();
    }
}
