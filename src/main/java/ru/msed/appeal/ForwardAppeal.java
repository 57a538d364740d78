package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/**
 * Forwards the appeal to the competent body (an appeal reporting a crime without the applicant's name or
 * address: to a law-enforcement body), tells the applicant and closes it here.
 */
@Component("forwardAppeal")
class ForwardAppeal implements JavaDelegate {

    private final Appeals appeals;
    private final AppealForwarding forwarding;
    private final AppealProperties properties;

    ForwardAppeal(Appeals appeals, AppealForwarding forwarding, AppealProperties properties) {
        this.appeals = appeals;
        this.forwarding = forwarding;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        ProcessValues form = new ProcessValues(execution);
        var body = appeals.forwardingTarget(documentId, form.text(FORWARD_TO), form.flag(REPORTS_CRIME));
        String actor = Actor.of(execution, null);
        forwarding.deliver(documentId, body, form.text(REVIEW_NOTE), actor);
        appeals.forwarded(documentId, body, form.text(REVIEW_NOTE), actor, properties.caseFile());
    }
}
