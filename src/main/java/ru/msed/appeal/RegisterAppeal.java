package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** Validates the registration card, takes the «ОГ» number, links the earlier appeals, confirms to the applicant. */
@Component("registerAppeal")
class RegisterAppeal implements JavaDelegate {

    private final Appeals appeals;
    private final CompetentBodies bodies;

    RegisterAppeal(Appeals appeals, CompetentBodies bodies) {
        this.appeals = appeals;
        this.bodies = bodies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        AppealCard card = AppealForm.card(new ProcessValues(execution), null);
        Document document = appeals.register(documentId, card, Actor.of(execution, null));
        Appeal appeal = appeals.appeal(documentId);
        execution.setVariable(REGISTRATION_NUMBER, document.getRegistrationNumber());
        execution.setVariable(REGISTERED_AT, ClockUtil.getCurrentTime());
        execution.setVariable(ANONYMOUS, appeal.isAnonymous());
        execution.setVariable(REPORTS_CRIME, null);
        execution.setVariable(FORWARD_OPTIONS, Options.bodies(bodies.all().stream()
                .filter(body -> !body.code().equals(appeal.getComplainedBody())).toList()));
        execution.setVariable(LAW_ENFORCEMENT_OPTIONS, Options.bodies(bodies.lawEnforcement()));
        // The registration form's lists are not needed any more.
        execution.removeVariable(TOPIC_OPTIONS);
        execution.removeVariable(BODY_OPTIONS);
        execution.removeVariable(EARLIER_APPEALS);
    }
}
