package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** No name or no address to answer to, and no crime reported: no answer (art. 11.1 of 59-FZ). */
@Component("leaveAnonymousUnanswered")
class LeaveAnonymousUnanswered implements JavaDelegate {

    private final Appeals appeals;
    private final AppealProperties properties;

    LeaveAnonymousUnanswered(Appeals appeals, AppealProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.closeWithoutAnswer(documentId(execution), AppealResult.LEFT_UNANSWERED, null,
                "не указаны фамилия или адрес для ответа" + note(execution), Actor.of(execution, null), properties.caseFile());
    }

    static String note(DelegateExecution execution) {
        String note = new ProcessValues(execution).text(REVIEW_NOTE);
        return note == null ? "" : "; " + note;
    }
}
