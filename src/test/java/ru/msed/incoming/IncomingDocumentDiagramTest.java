package ru.msed.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.incoming.IncomingDocumentVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msed.DiagramEngine;

/**
 * {@code processes/incoming-document.bpmn} alone, delegates stubbed: every path — routing by the
 * decision table, return and approval of the draft, executors in parallel, extension, overdue,
 * control with return and rework, closing; a document arriving through the exchange registered or
 * refused, with a notification back at every step where one happens (and none for other documents). The same paths on the real services and PostgreSQL are
 * in {@link IncomingDocumentProcessTest}.
 */
class IncomingDocumentDiagramTest {

    ProcessEngine engine;
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void diagram() {
        engine = DiagramEngine.with(PROCESS_ID, "document-routing");
        DiagramEngine.delegate("createDocumentCard", execution -> {
            steps.add("create");
            execution.setProcessBusinessKey("42");
            execution.setVariable(DOCUMENT_ID, 42L);
            execution.setVariable(DOCUMENT_KIND, "INCOMING");
            execution.setVariable(ARRIVED_BY_EXCHANGE, execution.getVariable(EXCHANGE_PACKAGE_ID) != null);
        });
        DiagramEngine.delegate("recordArrival", execution -> {
            steps.add("arrival");
            execution.setVariable(CORRESPONDENT, "Минцифры ДО");
            execution.setVariable(DRAFT_NUMBER, "МСЭД: Исх-1/26");
        });
        DiagramEngine.delegate("refuseRegistration", execution -> steps.add("refuse"));
        DiagramEngine.delegate("sendExchangeNotice", execution -> steps.add("notice:" + execution.getVariable(NOTICE_KIND)
                + ":" + execution.getVariable(NOTICE_EVENT) + ":" + execution.getVariable(NOTICE_TEXT)));
        DiagramEngine.delegate("registerDocument", execution -> {
            steps.add("register");
            execution.setVariable(REGISTRATION_NUMBER, "Вх-1/26");
        });
        DiagramEngine.delegate("prepareExecutorList", execution -> steps.add("executors"));
        DiagramEngine.delegate("saveResolutionDraft", execution -> {
            steps.add("draft");
            execution.setVariable(RESOLUTION_ID, 7L);
            execution.removeVariable(MANAGER_DECISION);
        });
        DiagramEngine.delegate("returnResolution", execution -> steps.add("return"));
        DiagramEngine.delegate("approveResolution", execution -> {
            steps.add("approve");
            execution.setVariable(EXECUTORS, new ArrayList<>(List.of("executor1", "executor2")));
            execution.setVariable(RESPONSIBLE_EXECUTOR, "executor1");
            execution.setVariable(ASSIGNMENT_DUE_DATE, new Date(System.currentTimeMillis() + 10L * 86_400_000));
            execution.setVariable(REPORT_SUBMITTED, false);
            execution.setVariable(RESOLUTION_AUTHOR, "manager");
            execution.setVariable(OVERDUE, false);
            execution.setVariable(RESPONSIBLE_EXECUTOR_NAME, "Иванов И. И.");
            execution.setVariable(DEADLINE_TEXT, "11.12.2026");
        });
        DiagramEngine.delegate("saveExecutionReport", execution -> {
            String executor = (String) (execution.hasVariable(EXECUTOR) ? execution.getVariable(EXECUTOR)
                    : execution.getVariable(RESPONSIBLE_EXECUTOR));
            steps.add("report:" + executor);
            if (executor.equals("executor1")) {
                execution.getProcessInstance().setVariable(REPORT_SUBMITTED, true);
                execution.getProcessInstance().setVariable(RESPONSIBLE_REPORT, "Сведения направлены");
                execution.getProcessInstance().removeVariable(CONTROLLER_DECISION);
            }
        });
        DiagramEngine.delegate("requestExtension", execution -> {
            steps.add("extension requested");
            execution.setVariableLocal(EXTENSION_REQUEST_ID, 5L);
        });
        DiagramEngine.delegate("recordExtensionDecision", execution -> steps.add("extension decided"));
        DiagramEngine.delegate("markAssignmentsOverdue", execution -> {
            steps.add("overdue");
            execution.setVariable(OVERDUE, true);
        });
        DiagramEngine.delegate("recordControlDecision", execution -> steps.add("control:" + execution.getVariable(CONTROLLER_DECISION)));
        DiagramEngine.delegate("closeDocument", execution -> steps.add("close"));
    }

    @Test
    void walksTheWholeRouteWithAReturnedDraftAndAReturnedReport() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_FillRegistrationCard").task().isAssignedTo("registrar");
        complete(task(instance), withVariables(TOPIC, "FINANCE"));
        // The registrar stamps the new number on the paper original, in parallel with the resolution.
        assertThat(instance).isWaitingAt("Task_DraftResolution", "Task_StampNumber");
        assertThat(task("Task_StampNumber", instance)).isAssignedTo("registrar");
        complete(task("Task_StampNumber", instance));
        assertThat(instance).isWaitingAt("Task_DraftResolution").task().hasCandidateGroup("dept-office");

        complete(task(instance), withVariables(ON_CONTROL, true));
        assertThat(instance).isWaitingAt("Task_ReviewResolution").task().hasCandidateGroup("manager");
        complete(task(instance), withVariables(MANAGER_DECISION, "return", MANAGER_COMMENT, "Уточнить срок"));
        assertThat(instance).hasPassed("Task_ReturnResolution").isWaitingAt("Task_DraftResolution");
        complete(task(instance));
        complete(task(instance), withVariables(MANAGER_DECISION, "approve"));

        List<Task> assignments = assignments(instance);
        assertThat(assignments).extracting(Task::getAssignee).containsExactlyInAnyOrder("executor1", "executor2");
        assertThat(assignments.get(0).getDueDate()).isNotNull();
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "report"));
        assertThat(assignments(instance)).extracting(Task::getAssignee).containsExactly("executor1");
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));

        assertThat(instance).isWaitingAt("Task_ControlReport").task().hasCandidateGroup("controller");
        complete(task(instance), withVariables(CONTROLLER_DECISION, "return"));
        assertThat(instance).isWaitingAt("Task_ReworkReport").task().isAssignedTo("executor1");
        complete(task(instance));
        assertThat(instance).isWaitingAt("Task_ControlReport");
        complete(task(instance), withVariables(CONTROLLER_DECISION, "accept"));

        assertThat(instance).isWaitingAt("Task_CloseDocument").task().hasCandidateGroup("registrar");
        complete(task(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_DocumentClosed");
        assertThat(steps).containsExactly("create", "register", "executors", "draft", "return", "draft", "approve",
                "report:executor2", "report:executor1", "control:return", "report:executor1", "control:accept", "close");
        assertThat(instance).hasNotPassed("Task_RecordArrival", "Task_AcceptAssignment", "Task_NotifyRegistered",
                "Task_NotifyExecutorAssigned", "Task_NotifyReportSent");
    }

    @Test
    void anArrivedDocumentIsRegisteredAndTheSenderIsNotifiedAtEveryStepWhereSomethingHappens() {
        ProcessInstance instance = arrived();
        assertThat(instance).hasPassed("Task_RecordArrival").isWaitingAt("Task_ConsiderArrival")
                .task().hasCandidateGroup("registrar").isNotAssigned();
        complete(task(instance), withVariables(ARRIVAL_DECISION, "register", TOPIC, "GENERAL"));
        assertThat(instance).hasPassed("Task_RegisterDocument", "Task_NotifyRegistered")
                .isWaitingAt("Task_DraftResolution", "Task_StampNumber");
        complete(task("Task_StampNumber", instance));
        complete(task(instance), withVariables(ON_CONTROL, true));
        complete(task(instance), withVariables(MANAGER_DECISION, "approve"));

        // The responsible executor accepts the assignment first (the sender is told); a co-executor starts at once.
        assertThat(assignments(instance)).extracting(Task::getAssignee).containsExactly("executor2");
        Task acceptance = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_ACCEPT_ASSIGNMENT).singleResult();
        assertThat(acceptance).isAssignedTo("executor1");
        complete(acceptance);
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "extension"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_DecideExtension").singleResult(), withVariables(EXTENSION_DECISION, "approve"));
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "report"));
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));
        complete(task(instance), withVariables(CONTROLLER_DECISION, "accept"));
        assertThat(instance).hasPassed("Task_NotifyReportSent").isWaitingAt("Task_CloseDocument");
        complete(task(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_DocumentClosed");
        assertThat(steps).filteredOn(step -> step.startsWith("notice:")).containsExactly(
                "notice:REGISTERED:1:null",
                "notice:EXECUTOR_ASSIGNED:7:Ответственный исполнитель Иванов И. И., срок исполнения 11.12.2026",
                "notice:ACCEPTED_FOR_EXECUTION:7:Поручение принял к исполнению Иванов И. И., срок исполнения 11.12.2026",
                "notice:EXECUTION_CHANGED:5:Срок исполнения перенесён на 11.12.2026",
                "notice:REPORT_SENT:7:Сведения направлены");
    }

    @Test
    void aRejectedExtensionOfAnArrivedDocumentSendsNoNotification() {
        ProcessInstance instance = arrived();
        complete(task(instance), withVariables(ARRIVAL_DECISION, "register", TOPIC, "GENERAL"));
        complete(task("Task_StampNumber", instance));
        complete(task(instance), withVariables(ON_CONTROL, false));
        complete(task(instance), withVariables(MANAGER_DECISION, "approve"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_ACCEPT_ASSIGNMENT).singleResult());
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "extension"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_DecideExtension").singleResult(), withVariables(EXTENSION_DECISION, "reject"));
        assertThat(assignment(instance, "executor1")).isNotNull();
        assertThat(steps).noneMatch(step -> step.startsWith("notice:EXECUTION_CHANGED"));
    }

    @Test
    void anArrivedDocumentRefusedRegistrationTellsTheSenderWhyAndEnds() {
        ProcessInstance instance = arrived();
        complete(task(instance), withVariables(ARRIVAL_DECISION, "refuse", REFUSAL_REASON, "Направлен не по адресу"));
        assertThat(instance).isEnded().hasPassed("Task_RefuseRegistration", "Task_NotifyRefused", "EndEvent_RegistrationRefused")
                .hasNotPassed("Task_RegisterDocument");
        assertThat(steps).containsExactly("create", "arrival", "refuse", "notice:REFUSED:1:Направлен не по адресу");
    }

    @Test
    void aResolutionNotOnControlGoesStraightToClosing() {
        ProcessInstance instance = approved(false);
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));
        assertThat(instance).hasNotPassed("Task_ControlReport").isWaitingAt("Task_CloseDocument");
        assertThat(assignments(instance)).isEmpty();
    }

    @Test
    void routesAppealsAndCitizensTopicsToTheAppealsDepartment() {
        for (Map<String, Object> card : List.<Map<String, Object>>of(Map.of(TOPIC, "CITIZENS"), Map.of(TOPIC, "GENERAL"))) {
            ProcessInstance instance = start();
            complete(task(instance), withVariables(TOPIC, card.get(TOPIC)));
            assertThat(task("Task_DraftResolution", instance))
                    .hasCandidateGroup(card.get(TOPIC).equals("CITIZENS") ? "dept-appeals" : "dept-office");
        }
        ProcessInstance appeal = start();
        engine.getRuntimeService().setVariable(appeal.getId(), DOCUMENT_KIND, "APPEAL");
        complete(task(appeal), withVariables(TOPIC, "GENERAL"));
        assertThat(task("Task_DraftResolution", appeal)).hasCandidateGroup("dept-appeals");
    }

    @Test
    void anExtensionRequestGoesToTheResolutionsAuthorAndBackToTheExecutor() {
        ProcessInstance instance = approved(true);
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "extension"));
        Task decision = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_DecideExtension").singleResult();
        assertThat(decision).isAssignedTo("manager");
        complete(decision, withVariables(EXTENSION_DECISION, "approve"));
        assertThat(assignment(instance, "executor2")).isNotNull();
        assertThat(steps).containsSubsequence("extension requested", "extension decided");
    }

    @Test
    void theDeadlineTimerMarksTheAssignmentsOverdueAndCallsTheController() {
        ProcessInstance instance = approved(true);
        assertThat(job("BoundaryEvent_DeadlinePassed")).isNotNull();
        execute(job("BoundaryEvent_DeadlinePassed"));
        Task control = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_OverdueControl").singleResult();
        assertThat(control).hasCandidateGroup("controller");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), OVERDUE)).isEqualTo(true);
        assertThat(assignments(instance)).hasSize(2);
        complete(control, withVariables("overdueAction", "remind"));
        assertThat(instance).hasPassed("EndEvent_OverdueHandled").isNotEnded();
    }

    private ProcessInstance start() {
        engine.getIdentityService().setAuthenticatedUserId("registrar");
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_ID);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** What a delivery does: the application starts the regulation with the package, no user authenticated. */
    private ProcessInstance arrived() {
        return engine.getRuntimeService().createProcessInstanceByKey(PROCESS_ID).setVariable(ORGANIZATION_CODE, "ALT")
                .setVariable(EXCHANGE_PACKAGE_ID, 11L).execute();
    }

    private ProcessInstance approved(boolean onControl) {
        ProcessInstance instance = start();
        complete(task(instance), withVariables(TOPIC, "GENERAL"));
        complete(task("Task_StampNumber", instance));
        complete(task(instance), withVariables(ON_CONTROL, onControl));
        complete(task(instance), withVariables(MANAGER_DECISION, "approve"));
        return instance;
    }

    private List<Task> assignments(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).list();
    }

    private Task assignment(ProcessInstance instance, String executor) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).taskAssignee(executor).singleResult();
    }
}
