package ru.msed.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/**
 * {@code processes/outgoing-document.bpmn} alone, delegates stubbed: stages one after another with
 * parallel approvers, a rejection back to the author and a second round, signing, registration and
 * dispatch. The real services are exercised by {@link OutgoingDocumentProcessTest}.
 */
class OutgoingDocumentDiagramTest {

    ProcessEngine engine;
    final List<String> steps = new ArrayList<>();

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
