package ru.msed.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.msed.consideration.DocumentConsiderationVariables.*;
import static ru.msed.incoming.IncomingDocumentVariables.ARRIVAL_DECISION;
import static ru.msed.incoming.IncomingDocumentVariables.CORRESPONDENT;
import static ru.msed.incoming.IncomingDocumentVariables.DOCUMENT_ID;
import static ru.msed.incoming.IncomingDocumentVariables.DOCUMENT_KIND;
import static ru.msed.incoming.IncomingDocumentVariables.DRAFT_NUMBER;
import static ru.msed.incoming.IncomingDocumentVariables.EXCHANGE_PACKAGE_ID;
import static ru.msed.incoming.IncomingDocumentVariables.PROCESS_ID;
import static ru.msed.incoming.IncomingDocumentVariables.REFUSAL_REASON;
import static ru.msed.incoming.IncomingDocumentVariables.REGISTRATION_NUMBER;
import static ru.msed.incoming.IncomingDocumentVariables.TOPIC;

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
 * {@code processes/incoming-document.bpmn} with the consideration it calls
 * ({@code document-consideration.bpmn}), delegates stubbed: every path — routing by the decision table,
 * return and approval of the draft, executors in parallel, extension, overdue, control with return and
 * rework, closing; a document arriving through the exchange registered or refused, with a notification
 * back at every step where one happens, in either diagram (and none for other documents). The same paths
 * on the real services and PostgreSQL are
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
        DiagramEngine.delegate("continueApprovedResolution", execution -> {
            steps.add("continue approved");
            startExecution(execution);
            execution.setVariable(ON_CONTROL, true);
        });
        DiagramEngine.delegate("approveResolution", execution -> {
            steps.add("approve");
            startExecution(execution);
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
        // The registrar stamps the new number on the paper original, in parallel with the consideration.
        assertThat(instance).isWaitingAt(IncomingDocumentVariables.CONSIDERATION, "Task_StampNumber");
        assertThat(task("Task_StampNumber", instance)).isAssignedTo("registrar");
        complete(task("Task_StampNumber", instance));
        assertThat(instance).isWaitingAt(IncomingDocumentVariables.CONSIDERATION);
        ProcessInstance consideration = calledProcessInstance(instance);
        assertThat(consideration.getBusinessKey()).isEqualTo("42");
        assertThat(consideration).isWaitingAt("Task_DraftResolution").task().hasCandidateGroup("dept-office");

        complete(task(consideration), withVariables(ON_CONTROL, true));
        assertThat(consideration).isWaitingAt("Task_ReviewResolution").task().hasCandidateGroup("manager");
        complete(task(consideration), withVariables(MANAGER_DECISION, "return", MANAGER_COMMENT, "Уточнить срок"));
        assertThat(consideration).hasPassed("Task_ReturnResolution").isWaitingAt("Task_DraftResolution");
        complete(task(consideration));
        complete(task(consideration), withVariables(MANAGER_DECISION, "approve"));

        List<Task> assignments = assignments(instance);
        assertThat(assignments).extracting(Task::getAssignee).containsExactlyInAnyOrder("executor1", "executor2");
        assertThat(assignments.get(0).getDueDate()).isNotNull();
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "report"));
        assertThat(assignments(instance)).extracting(Task::getAssignee).containsExactly("executor1");
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));

        assertThat(consideration).isWaitingAt("Task_ControlReport").task().hasCandidateGroup("controller");
        complete(task(consideration), withVariables(CONTROLLER_DECISION, "return"));
        assertThat(consideration).isWaitingAt("Task_ReworkReport").task().isAssignedTo("executor1");
        complete(task(consideration));
        assertThat(consideration).isWaitingAt("Task_ControlReport");
        complete(task(consideration), withVariables(CONTROLLER_DECISION, "accept"));

        assertThat(consideration).isEnded().hasPassed("EndEvent_ResolutionExecuted");
        assertThat(instance).isWaitingAt("Task_CloseDocument").task().hasCandidateGroup("registrar");
        complete(task(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_DocumentClosed");
        assertThat(steps).containsExactly("create", "register", "executors", "draft", "return", "draft", "approve",
                "report:executor2", "report:executor1", "control:return", "report:executor1", "control:accept", "close");
        assertThat(instance).hasNotPassed("Task_RecordArrival", "Task_NotifyRegistered", "Task_NotifyReportSent");
        assertThat(consideration).hasNotPassed("Task_NotifyExecutorAssigned", "Task_AcceptAssignment", "Task_NotifyAccepted");
    }

    @Test
    void anImportedOpenAssignmentGoesOnAtItsExecutionWithOnlyTheCardPassedToTheConsideration() {
        // As the legacy import starts it: before the consideration, with the card and its folder values.
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(PROCESS_ID).businessKey("42")
                .setVariables(Map.of("organizationCode", "DEMO", DOCUMENT_ID, 42L, REGISTRATION_NUMBER, "Вх-1/24",
                        SUMMARY, "О переносе", CORRESPONDENT, "Администрация", ARRIVED_BY_EXCHANGE, false, RESOLUTION_APPROVED, true))
                .startBeforeActivity(IncomingDocumentVariables.CONSIDERATION).execute();
        ProcessInstance consideration = calledProcessInstance(instance);
        assertThat(consideration).hasPassed("Task_ContinueApprovedResolution")
                .hasNotPassed("Task_PrepareExecutorList", "Task_DraftResolution", "Task_ApproveResolution");
        assertThat(assignments(instance)).extracting(Task::getAssignee).containsExactlyInAnyOrder("executor1", "executor2");
        // The card and what the folders show are passed; nothing else of the calling instance.
        assertThat(engine.getRuntimeService().getVariables(consideration.getId())).containsEntry(DOCUMENT_ID, 42L)
                .containsEntry(REGISTRATION_NUMBER, "Вх-1/24").containsEntry(SUMMARY, "О переносе")
                .containsEntry(CORRESPONDENT, "Администрация").doesNotContainKey("organizationCode");

        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "report"));
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));
        complete(task(consideration), withVariables(CONTROLLER_DECISION, "accept"));
        assertThat(instance).isWaitingAt("Task_CloseDocument");
        assertThat(steps).containsExactly("continue approved", "report:executor2", "report:executor1", "control:accept");
    }

    @Test
    void anArrivedDocumentIsRegisteredAndTheSenderIsNotifiedAtEveryStepWhereSomethingHappens() {
        ProcessInstance instance = arrived();
        assertThat(instance).hasPassed("Task_RecordArrival").isWaitingAt("Task_ConsiderArrival")
                .task().hasCandidateGroup("registrar").isNotAssigned();
        complete(task(instance), withVariables(ARRIVAL_DECISION, "register", TOPIC, "GENERAL"));
        assertThat(instance).hasPassed("Task_RegisterDocument", "Task_NotifyRegistered")
                .isWaitingAt(IncomingDocumentVariables.CONSIDERATION, "Task_StampNumber");
        complete(task("Task_StampNumber", instance));
        // The consideration gets the flag with the other variables and tells the sender of its own steps.
        ProcessInstance consideration = calledProcessInstance(instance);
        complete(task(consideration), withVariables(ON_CONTROL, true));
        complete(task(consideration), withVariables(MANAGER_DECISION, "approve"));
        assertThat(consideration).hasPassed("Task_NotifyExecutorAssigned");

        // The responsible executor accepts the assignment first (the sender is told); a co-executor starts at once.
        assertThat(assignments(instance)).extracting(Task::getAssignee).containsExactly("executor2");
        Task acceptance = engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey(TASK_ACCEPT_ASSIGNMENT).singleResult();
        assertThat(acceptance).isAssignedTo("executor1");
        complete(acceptance);
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "extension"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey("Task_DecideExtension").singleResult(), withVariables(EXTENSION_DECISION, "approve"));
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "report"));
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));
        complete(task(consideration), withVariables(CONTROLLER_DECISION, "accept"));
        // «Доклад направлен» after the call returns: the registrar closes the card with the answers it names.
        assertThat(consideration).isEnded();
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
        ProcessInstance consideration = calledProcessInstance(instance);
        complete(task(consideration), withVariables(ON_CONTROL, false));
        complete(task(consideration), withVariables(MANAGER_DECISION, "approve"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey(TASK_ACCEPT_ASSIGNMENT).singleResult());
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "extension"));
        complete(engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
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
        ProcessInstance consideration = calledProcessInstance(instance);
        complete(assignment(instance, "executor1"), withVariables(EXECUTOR_ACTION, "report"));
        assertThat(instance).isWaitingAt("Task_CloseDocument");
        assertThat(consideration).hasNotPassed("Task_ControlReport").isEnded();
        assertThat(assignments(instance)).isEmpty();
    }

    @Test
    void routesAppealsAndCitizensTopicsToTheAppealsDepartment() {
        for (Map<String, Object> card : List.<Map<String, Object>>of(Map.of(TOPIC, "CITIZENS"), Map.of(TOPIC, "GENERAL"))) {
            ProcessInstance instance = start();
            complete(task(instance), withVariables(TOPIC, card.get(TOPIC)));
            assertThat(task(calledProcessInstance(instance)))
                    .hasCandidateGroup(card.get(TOPIC).equals("CITIZENS") ? "dept-appeals" : "dept-office");
        }
        ProcessInstance appeal = start();
        engine.getRuntimeService().setVariable(appeal.getId(), DOCUMENT_KIND, "APPEAL");
        complete(task(appeal), withVariables(TOPIC, "GENERAL"));
        assertThat(task(calledProcessInstance(appeal))).hasCandidateGroup("dept-appeals");
    }

    @Test
    void anExtensionRequestGoesToTheResolutionsAuthorAndBackToTheExecutor() {
        ProcessInstance instance = approved(true);
        complete(assignment(instance, "executor2"), withVariables(EXECUTOR_ACTION, "extension"));
        Task decision = engine.getTaskService().createTaskQuery().processInstanceId(calledId(instance))
                .taskDefinitionKey("Task_DecideExtension").singleResult();
        assertThat(decision).isAssignedTo("manager");
        complete(decision, withVariables(EXTENSION_DECISION, "approve"));
        assertThat(assignment(instance, "executor2")).isNotNull();
        assertThat(steps).containsSubsequence("extension requested", "extension decided");
    }

    @Test
    void theDeadlineTimerMarksTheAssignmentsOverdueAndCallsTheController() {
        ProcessInstance instance = approved(true);
        ProcessInstance consideration = calledProcessInstance(instance);
        assertThat(job("BoundaryEvent_DeadlinePassed", consideration)).isNotNull();
        execute(job("BoundaryEvent_DeadlinePassed", consideration));
        Task control = engine.getTaskService().createTaskQuery().processInstanceId(consideration.getId())
                .taskDefinitionKey("Task_OverdueControl").singleResult();
        assertThat(control).hasCandidateGroup("controller");
        assertThat(engine.getRuntimeService().getVariable(consideration.getId(), OVERDUE)).isEqualTo(true);
        assertThat(assignments(instance)).hasSize(2);
        complete(control, withVariables("overdueAction", "remind"));
        assertThat(consideration).hasPassed("EndEvent_OverdueHandled").isNotEnded();
    }

    /** What the approval (or the start of an imported resolution) sets for the execution part. */
    private static void startExecution(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        execution.setVariable(EXECUTORS, new ArrayList<>(List.of("executor1", "executor2")));
        execution.setVariable(RESPONSIBLE_EXECUTOR, "executor1");
        execution.setVariable(ASSIGNMENT_DUE_DATE, new Date(System.currentTimeMillis() + 10L * 86_400_000));
        execution.setVariable(REPORT_SUBMITTED, false);
        execution.setVariable(RESOLUTION_AUTHOR, "manager");
        execution.setVariable(OVERDUE, false);
        execution.setVariable(RESPONSIBLE_EXECUTOR_NAME, "Иванов И. И.");
        execution.setVariable(DEADLINE_TEXT, "11.12.2026");
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
        ProcessInstance consideration = calledProcessInstance(instance);
        complete(task(consideration), withVariables(ON_CONTROL, onControl));
        complete(task(consideration), withVariables(MANAGER_DECISION, "approve"));
        return instance;
    }

    /** The consideration the instance called, running or ended: it holds the resolution's tasks. */
    private String calledId(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult().getId();
    }

    private List<Task> assignments(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(calledId(instance))
                .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).list();
    }

    private Task assignment(ProcessInstance instance, String executor) {
        return engine.getTaskService().createTaskQuery().processInstanceId(calledId(instance))
                .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).taskAssignee(executor).singleResult();
    }
}
