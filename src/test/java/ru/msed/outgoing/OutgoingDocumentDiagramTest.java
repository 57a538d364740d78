package ru.msed.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/**
 * {@code processes/outgoing-document.bpmn} alone, delegates stubbed: stages one after another with
 * parallel approvers, a rejection back to the author and a second round, signing, registration and
 * dispatch; delivery to organizations of the system — one asynchronous job per recipient, retried and
 * then an incident — waiting for each recipient's «зарегистрирован» or «отказано», the escalation of a
 * silent recipient to the registrar. The real services are exercised by {@link OutgoingDocumentProcessTest}.
 */
class OutgoingDocumentDiagramTest {

    ProcessEngine engine;
    final List<String> steps = new ArrayList<>();
    /** Addressees in the system the draft names (none: a paper or e-mail dispatch only). */
    List<String> recipients = List.of();
    /** Deliveries to this recipient fail (the recipient's side is broken) until cleared. */
    String failingRecipient;

    @BeforeEach
    void diagram() {
        engine = DiagramEngine.with(PROCESS_ID);
        DiagramEngine.delegate("createOutgoingCard", execution -> {
            steps.add("create");
            execution.setProcessBusinessKey("9");
            execution.setVariable(DOCUMENT_ID, 9L);
        });
        DiagramEngine.delegate("sendForApproval", execution -> {
            steps.add("route");
            ArrayList<ArrayList<String>> stages = new ArrayList<>();
            stages.add(new ArrayList<>(List.of("executor2", "executor3")));
            stages.add(new ArrayList<>(List.of("controller")));
            execution.setVariable(APPROVAL_STAGES, stages);
            execution.setVariable(ROUTE_REJECTED, false);
            execution.setVariable(EXCHANGE_RECIPIENTS, new ArrayList<>(recipients));
            execution.setVariable(HAS_EXCHANGE_RECIPIENTS, !recipients.isEmpty());
        });
        DiagramEngine.delegate("recordVisa", execution -> {
            steps.add("visa:" + execution.getVariable(APPROVER) + ":" + execution.getVariable(VISA_DECISION));
            if ("reject".equals(execution.getVariable(VISA_DECISION))) {
                execution.getProcessInstance().setVariable(ROUTE_REJECTED, true);
            }
        });
        DiagramEngine.delegate("sendForSigning", execution -> steps.add("to signatory"));
        DiagramEngine.delegate("checkSignature", execution -> steps.add("signature checked"));
        DiagramEngine.delegate("registerOutgoing", execution -> steps.add("registered"));
        DiagramEngine.delegate("dispatchDocument", execution -> steps.add("dispatched"));
        DiagramEngine.delegate("deliverToOrganization", execution -> {
            String recipient = (String) execution.getVariable(EXCHANGE_RECIPIENT);
            if (recipient.equals(failingRecipient)) {
                throw new IllegalStateException("Организация " + recipient + " недоступна");
            }
            steps.add("delivered:" + recipient);
            execution.setVariable(EXCHANGE_RECIPIENT_NAME, "Организация " + recipient);
        });
    }

    @Test
    void stagesGoOneAfterAnotherWithTheirApproversInParallelThenSigningRegistrationAndDispatch() {
        ProcessInstance instance = start("executor1");
        assertThat(instance).isWaitingAt("Task_PrepareDraft").task().isAssignedTo("executor1");
        complete(task(instance), withVariables(SIGNATORY_USER, "manager"));

        assertThat(visas(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("executor2", "executor3");
        complete(visa(instance, "executor2"), withVariables(VISA_DECISION, "approve"));
        complete(visa(instance, "executor3"), withVariables(VISA_DECISION, "approve_with_remarks", VISA_COMMENT, "Запятая"));
        assertThat(visas(instance)).extracting(Task::getAssignee).containsExactly("controller");
        complete(visa(instance, "controller"), withVariables(VISA_DECISION, "approve"));

        assertThat(instance).isWaitingAt("Task_SignDocument").task().isAssignedTo("manager");
        complete(task(instance), withVariables(SIGNED, true));
        assertThat(instance).isEnded().hasPassed("Task_RegisterOutgoing", "Task_Dispatch", "EndEvent_Sent");
        assertThat(steps).containsSubsequence("create", "route", "visa:controller:approve", "to signatory",
                "signature checked", "registered", "dispatched");
    }

    @Test
    void aRejectionEndsTheRouteAndReturnsTheDraftToItsAuthorForASecondRound() {
        ProcessInstance instance = start("executor1");
        complete(task(instance), withVariables(SIGNATORY_USER, "manager"));
        complete(visa(instance, "executor2"), withVariables(VISA_DECISION, "reject", VISA_COMMENT, "Не тот адресат"));

        assertThat(instance).isWaitingAt("Task_PrepareDraft").task().isAssignedTo("executor1");
        assertThat(visas(instance)).isEmpty();
        assertThat(steps).doesNotContain("visa:controller:approve");

        complete(task(instance));
        assertThat(visas(instance)).hasSize(2);
        assertThat(steps).filteredOn("route"::equals).hasSize(2);
    }

    @Test
    void deliversToEachRecipientInItsOwnJobAndWaitsForEveryRecipientsAnswer() {
        recipients = List.of("ALT", "B00001");
        ProcessInstance instance = signed();
        assertThat(instance).isWaitingAt("Task_DeliverPackage").isNotEnded();
        assertThat(deliveryJobs(instance)).hasSize(2);
        assertThat(steps).doesNotContain("delivered:ALT");

        deliveryJobs(instance).forEach(job -> execute(job));
        assertThat(steps).contains("delivered:ALT", "delivered:B00001");
        assertThat(instance).isWaitingAt("Task_AwaitAnswer");

        answer(instance, "ALT", "registered", "№ Вх-1/26 от 30.11.2026");
        assertThat(instance).isNotEnded().hasPassed("EndEvent_RegisteredByRecipient");
        answer(instance, "B00001", "refused", "Направлен не по адресу");
        Task refusal = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_ReviewRefusal").singleResult();
        assertThat(refusal).isAssignedTo("executor1");
        assertThat(engine.getTaskService().getVariable(refusal.getId(), EXCHANGE_ANSWER_TEXT)).isEqualTo("Направлен не по адресу");
        assertThat(engine.getTaskService().getVariable(refusal.getId(), EXCHANGE_RECIPIENT_NAME)).isEqualTo("Организация B00001");
        complete(refusal);
        assertThat(instance).isEnded().hasPassed("EndEvent_RefusalReviewed", "EndEvent_Delivered").hasNotPassed("EndEvent_Sent");
    }

    @Test
    void aRecipientSilentForAWorkingDayIsEscalatedToTheRegistrarWhoMayStopWaiting() {
        recipients = List.of("ALT", "B00001");
        ProcessInstance instance = signed();
        deliveryJobs(instance).forEach(job -> execute(job));
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_NoAnswer").list();
        assertThat(timers).hasSize(2);
        // One working day: the timer is due at the end of the next working day, not in 24 hours.
        assertThat(timers.get(0).getDuedate()).isAfter(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
        timers.forEach(timer -> execute(timer));

        List<Task> checks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckDelivery").list();
        assertThat(checks).hasSize(2).allSatisfy(check -> assertThat(check).hasCandidateGroup("registrar"));
        Task forAlt = checks.stream().filter(t -> "ALT".equals(engine.getTaskService().getVariable(t.getId(), EXCHANGE_RECIPIENT)))
                .findFirst().orElseThrow();
        Task forOther = checks.stream().filter(t -> t != forAlt).findFirst().orElseThrow();
        complete(forAlt, withVariables(DELIVERY_DECISION, "stop"));
        complete(forOther, withVariables(DELIVERY_DECISION, "wait"));
        assertThat(instance).hasPassed("EndEvent_WaitingStopped", "EndEvent_KeepWaiting").isWaitingAt("Task_AwaitAnswer");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(ANSWER_MESSAGE_PREFIX + "ALT").count()).isZero();

        answer(instance, "B00001", "registered", "№ 5");
        assertThat(instance).isEnded().hasPassed("EndEvent_Delivered");
    }

    @Test
    void aFailingDeliveryIsRetriedThenLeftAsAnIncidentThatAnOperatorRetries() {
        recipients = List.of("ALT");
        failingRecipient = "ALT";
        ProcessInstance instance = signed();
        Job delivery = deliveryJobs(instance).get(0);
        int attempts = 0;
        while (engine.getManagementService().createJobQuery().jobId(delivery.getId()).singleResult().getRetries() > 0) {
            attempts++;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(delivery.getId()))
                    .hasMessageContaining("недоступна");
        }
        assertThat(attempts).isEqualTo(3);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .activityId("Task_DeliverPackage").count()).isEqualTo(1);

        failingRecipient = null;
        engine.getManagementService().setJobRetries(delivery.getId(), 1);
        engine.getManagementService().executeJob(delivery.getId());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).isWaitingAt("Task_AwaitAnswer");
        assertThat(steps).containsOnlyOnce("delivered:ALT");
    }

    /** Drafted with one approver, approved and signed: registration and dispatch follow. */
    private ProcessInstance signed() {
        ProcessInstance instance = start("executor1");
        complete(task(instance), withVariables(SIGNATORY_USER, "manager"));
        for (String approver : List.of("executor2", "executor3", "controller")) {
            complete(visa(instance, approver), withVariables(VISA_DECISION, "approve"));
        }
        complete(task(instance), withVariables(SIGNED, true));
        assertThat(steps).contains("registered", "dispatched");
        return instance;
    }

    private List<Job> deliveryJobs(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Task_DeliverPackage").list();
    }

    /** What the application does when a recipient's notification arrives (the REST API lets no user do it). */
    private void answer(ProcessInstance instance, String recipient, String answer, String text) {
        engine.getRuntimeService().createMessageCorrelation(ANSWER_MESSAGE_PREFIX + recipient).processInstanceId(instance.getId())
                .setVariable(EXCHANGE_ANSWER, answer).setVariable(EXCHANGE_ANSWER_TEXT, text).correlate();
    }

    private ProcessInstance start(String author) {
        engine.getIdentityService().setAuthenticatedUserId(author);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Task> visas(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_GiveVisa")
                .list();
    }

    private Task visa(ProcessInstance instance, String approver) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_GiveVisa")
                .taskAssignee(approver).singleResult();
    }
}
