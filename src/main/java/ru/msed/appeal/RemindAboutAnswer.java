package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.notification.Notifications;

/**
 * Before the answer term ends: every open task of the appeal — the resolution's, the answer's approval
 * and signing — rises to the top of its list, and the people it is assigned to get an e-mail.
 */
@Component("remindAboutAnswer")
class RemindAboutAnswer implements JavaDelegate {

    static final int REMINDER_PRIORITY = 80;

    private final DocumentService documents;
    private final Notifications notifications;
    private final Clock clock;

    RemindAboutAnswer(DocumentService documents, Notifications notifications, Clock clock) {
        this.documents = documents;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        Document card = documents.document(documentId);
        ProcessEngineServices engine = execution.getProcessEngineServices();
        List<String> instances = new ArrayList<>(List.of(execution.getProcessInstanceId()));
        for (ProcessInstance called : engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(execution.getProcessInstanceId()).list()) {
            instances.add(called.getId());
        }
        String due = Appeals.DATE.format(((java.util.Date) execution.getVariable(ANSWER_DUE_DATE)).toInstant()
                .atZone(clock.getZone()).toLocalDate());
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list()) {
            engine.getTaskService().setPriority(task.getId(), Math.max(task.getPriority(), REMINDER_PRIORITY));
            if (task.getAssignee() == null) {
                continue;
            }
            User user = engine.getIdentityService().createUserQuery().userId(task.getAssignee()).singleResult();
            if (user != null && user.getEmail() != null) {
                notifications.queue("appeal:" + documentId + ":reminder:" + due + ":" + task.getId(), user.getEmail(),
                        "Срок ответа по обращению " + card.getRegistrationNumber() + " — " + due,
                        "Задача «" + task.getName() + "» по обращению гражданина " + card.getRegistrationNumber()
                                + ": ответ заявителю должен быть дан не позднее " + due + ".");
            }
        }
    }
}
