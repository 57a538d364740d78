package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/**
 * Checks the preliminary review: a known decision, and for forwarding a body of the list that is not the
 * one a complaint is about (the form offers no such body; a forged one is refused here).
 */
@Component("recordAppealReview")
class RecordAppealReview implements JavaDelegate {

    static final Set<String> DECISIONS = Set.of("consider", "forward", "abusive", "unreadable", "repeated");

    private final Appeals appeals;

    RecordAppealReview(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        String decision = form.text(REVIEW_DECISION);
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new UserInputException("Выберите, как рассматривается обращение.");
        }
        if (decision.equals("forward")) {
            appeals.forwardingTarget(documentId(execution), form.text(FORWARD_TO), false);
        }
        // The special cases' decisions start undecided (their gateways read them).
        execution.setVariable(ABUSE_DECISION, null);
        execution.setVariable(CORRESPONDENCE_DECISION, null);
    }
}
