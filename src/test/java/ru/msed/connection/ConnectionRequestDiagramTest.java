package ru.msed.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.connection.ConnectionRequestVariables.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/**
 * {@code processes/connection-request.bpmn} alone, delegates stubbed: automatic check, return for
 * correction and re-check, review within two working days with escalation, approval, rejection.
 * The real workbook checks and provisioning are in {@link ConnectionRequestProcessTest}.
 */
class ConnectionRequestDiagramTest {

    ProcessEngine engine;
    final List<String> steps = new ArrayList<>();
    final Deque<Boolean> checks = new ArrayDeque<>();

    @BeforeEach
    void diagram() {
        engine = DiagramEngine.with(PROCESS_ID);
        DiagramEngine.delegate("checkConnectionRequest", execution -> {
            boolean valid = checks.isEmpty() || checks.pop();
            steps.add("check:" + valid);
            execution.setVariable(REQUEST_VALID, valid);
        });
        DiagramEngine.delegate("returnConnectionRequest", execution -> steps.add("returned"));
        DiagramEngine.delegate("acceptCorrectedRequest", execution -> steps.add("corrected"));
        DiagramEngine.delegate("recordReviewDecision", execution ->
                execution.setVariable(APPROVED, "approve".equals(execution.getVariable(REVIEW_DECISION))));
        DiagramEngine.delegate("provisionConnection", execution -> steps.add("provisioned"));
        DiagramEngine.delegate("notifyRejection", execution -> steps.add("rejection notified"));
        DiagramEngine.delegate("markReviewOverdue", execution -> {
            steps.add("overdue");
            execution.setVariable(OVERDUE, true);
        });
    }

    @Test
    void aValidRequestIsReviewedBySupportWithinTwoWorkingDaysAndProvisioned() {
        ProcessInstance instance = start();
        Task review = task(instance);
        assertThat(review).hasDefinitionKey("Task_ReviewRequest").hasCandidateGroup("camunda-admin");
        assertThat(review.getDueDate()).isNotNull();
        assertThat(job("BoundaryEvent_ReviewSlaPassed", instance).getDuedate()).isEqualTo(review.getDueDate());
        complete(review, withVariables(REVIEW_DECISION, "approve"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Connected");
        assertThat(steps).containsExactly("check:true", "provisioned");
    }

    @Test
    void anInvalidRequestGoesBackToTheApplicantAndIsCheckedAgainThenRejected() {
        checks.add(false);
        checks.add(true);
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_FixRequest").task().isAssignedTo("admin");
        complete(task(instance), withVariables(CORRECTION_UPLOADED, true));
        assertThat(instance).isWaitingAt("Task_ReviewRequest");
        complete(task(instance), withVariables(REVIEW_DECISION, "reject", REVIEW_REASON, "Нет письма"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(steps).containsExactly("check:false", "returned", "corrected", "check:true", "rejection notified");
    }

    @Test
    void aReviewLateByTwoWorkingDaysEscalatesToTheHeadOfSupport() {
        ProcessInstance instance = start();
        execute(job("BoundaryEvent_ReviewSlaPassed", instance));
        Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_EscalateReview").singleResult();
        assertThat(escalation).hasCandidateGroup("support-lead");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), OVERDUE)).isEqualTo(true);
        complete(escalation, withVariables(ESCALATION_ACTION, "remind"));
        assertThat(instance).isWaitingAt("Task_ReviewRequest");
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID, "5",
                Map.of(REQUEST_ID, 5L, APPLICANT, "admin"));
    }
}
