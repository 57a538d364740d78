package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.calendar.WorkingDays;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/**
 * The head's decision on extending the answer term. On approval the term moves (the history keeps both
 * dates), the applicant is told, and the diagram restarts the term's timers from the new date.
 */
@Component("extendAnswerTerm")
class ExtendAnswerTerm implements JavaDelegate {

    private final Appeals appeals;
    private final WorkingDays workingDays;

    ExtendAnswerTerm(Appeals appeals, WorkingDays workingDays) {
        this.appeals = appeals;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        String decision = form.text(TERM_EXTENSION_DECISION);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new UserInputException("Выберите решение: продлить срок или отказать.");
        }
        if (decision.equals("approve")) {
            var newDue = form.date(NEW_ANSWER_DUE, "Новый срок");
            if (!form.problems().isEmpty()) {
                throw new UserInputException(form.problems());
            }
            appeals.extend(documentId(execution), newDue, form.text(TERM_EXTENSION_REASON), Actor.of(execution, null));
            execution.getProcessInstance().setVariable(ANSWER_DUE_DATE, workingDays.endOf(newDue));
            execution.getProcessInstance().setVariable(TERM_EXTENDED, true);
        }
    }
}
