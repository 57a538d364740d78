package ru.msed.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The answer term passed without an answer: the appeal counts as late in the reports and the history says so. */
@Component("markAnswerTermViolated")
class MarkAnswerTermViolated implements JavaDelegate {

    private final Appeals appeals;

    MarkAnswerTermViolated(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.termViolated(CitizenAppealVariables.documentId(execution));
    }
}
