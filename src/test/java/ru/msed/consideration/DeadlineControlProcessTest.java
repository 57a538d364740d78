package ru.msed.consideration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.execution.Assignment;
import ru.msed.execution.ExecutionService;
import ru.msed.audit.AuditEvent;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;
import ru.msed.document.DocumentHistory;
import ru.msed.resolution.ResolutionService;
import ru.msed.web.UserInputException;

/**
 * Deadlines of processes/document-consideration.bpmn, as an incoming document meets them: working-day dates,
 * reminder, overdue timer, extensions.
 */
@MsedIntegrationTest
class DeadlineControlProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ExecutionService executions;
    @Autowired
    ResolutionService resolutions;
    @Autowired
    DocumentHistory history;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void datesAreInWorkingDaysAndTheReminderComesTwoWorkingDaysBeforeTheDeadline() {
        ProcessInstance instance = driver.registered();
        Task draft = driver.task(instance, "Task_DraftResolution");
        assertThat(draft.getDueDate()).isEqualTo(workingDays.add(draft.getCreateTime(), 1));

        driver.complete(draft, "assistant", ProcessDriver.resolution("executor1", List.of("executor2"), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));

        Date due = workingDays.endOf(deadlineOf(instance));
        assertThat(assignments(instance)).hasSize(2).allSatisfy(assignment -> {
            assertThat(assignment.getDueDate()).isEqualTo(due);
            assertThat(assignment.getFollowUpDate()).isEqualTo(workingDays.before(due, 2));
        });
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(due);
    }

    @Test
    void passedDeadlineMarksTheInstanceAndTasksOverdueAndEscalatesToTheController() {
        ProcessInstance instance = driver.onExecution("executor1", List.of("executor2"), true);
        Job timer = deadlineTimer(instance);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));

        engine.getManagementService().executeJob(timer.getId());

        ProcessInstance consideration = driver.consideration(instance);
        BpmnAwareTests.assertThat(consideration).hasPassed("Task_MarkOverdue")
                .isWaitingAt("Task_OverdueControl", "Task_ExecuteAssignment");
        assertThat(engine.getRuntimeService().getVariable(consideration.getId(), "overdue")).isEqualTo(true);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("overdue", true)
                .processInstanceId(consideration.getId()).count()).isEqualTo(1);
        assertThat(assignments(instance)).hasSize(2).allSatisfy(assignment -> {
            assertThat(engine.getTaskService().getVariableLocal(assignment.getId(), "overdue")).isEqualTo(true);
            assertThat(assignment.getPriority()).isEqualTo(MarkAssignmentsOverdue.OVERDUE_PRIORITY);
        });
        Task control = driver.task(instance, "Task_OverdueControl");
        BpmnAwareTests.assertThat(control).hasCandidateGroup("controller");
        assertThat(executions.assignmentsOf(resolutionId(instance))).allMatch(Assignment::isOverdue);
        assertThat(actions(instance)).contains("OVERDUE");

        // The late executor still reports; the controller's overdue task ends on its own path.
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1",
                Map.of("reportText", "Исполнено с опозданием"));
        driver.complete(control, "controller", Map.of("overdueAction", "noted"));
        BpmnAwareTests.assertThat(consideration).hasPassed("EndEvent_OverdueHandled").isWaitingAt("Task_ControlReport");
    }

    @Test
    void approvedExtensionMovesTheDeadlineTheTasksAndTheTimer() {
        ProcessInstance instance = driver.onExecution("executor1", List.of("executor2"), true);
        LocalDate oldDeadline = deadlineOf(instance);
        LocalDate newDeadline = workingDays.addDays(oldDeadline, 5);

        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1", Map.of(
                "executorAction", "extension", "extensionReason", "Ждём сведения из районов",
                "requestedDeadline", newDeadline.toString()));

        Task decide = driver.task(instance, "Task_DecideExtension");
        BpmnAwareTests.assertThat(decide).isAssignedTo("manager");
        driver.complete(decide, "manager", Map.of("extensionDecision", "approve"));

        Date newDue = workingDays.endOf(newDeadline);
        assertThat(assignments(instance)).hasSize(2).allSatisfy(t -> {
            assertThat(t.getDueDate()).isEqualTo(newDue);
            assertThat(t.getFollowUpDate()).isEqualTo(workingDays.before(newDue, 2));
        });
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(newDue);
        long resolutionId = resolutionId(instance);
        assertThat(resolutions.resolution(resolutionId).getDeadline()).isEqualTo(newDeadline);
        assertThat(executions.extensionsOf(resolutionId)).singleElement().satisfies(request -> {
            assertThat(request.getCurrentDeadline()).isEqualTo(oldDeadline);
            assertThat(request.getRequestedDeadline()).isEqualTo(newDeadline);
            assertThat(request.getDecision()).isEqualTo("APPROVED");
            assertThat(request.getDecidedBy()).isEqualTo("manager");
        });
        assertThat(actions(instance)).contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        // The history gives dates as clerks read them.
        assertThat(lastDetails(instance, "EXTENSION_APPROVED")).contains(RussianDates.format(oldDeadline))
                .contains(RussianDates.format(newDeadline));
    }

    @Test
    void rejectedExtensionKeepsTheDeadlineAndNeedsAReason() {
        ProcessInstance instance = driver.onExecution("executor1", List.of(), true);
        LocalDate deadline = deadlineOf(instance);
        Date due = workingDays.endOf(deadline);
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor1"), "executor1", Map.of(
                "executorAction", "extension", "extensionReason", "Большой объём",
                "requestedDeadline", workingDays.addDays(deadline, 3).toString()));

        assertThatThrownBy(() -> driver.complete(driver.task(instance, "Task_DecideExtension"), "manager",
                Map.of("extensionDecision", "reject")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("причину отказа");

        driver.complete(driver.task(instance, "Task_DecideExtension"), "manager",
                Map.of("extensionDecision", "reject", "extensionComment", "Срок установлен руководителем"));

        Task again = driver.taskOf(instance, "Task_ExecuteAssignment", "executor1");
        assertThat(again.getDueDate()).isEqualTo(due);
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(due);
        assertThat(resolutions.resolution(resolutionId(instance)).getDeadline()).isEqualTo(deadline);
        assertThat(actions(instance)).contains("EXTENSION_REJECTED");
    }

    @Test
    void extensionToAnEarlierOrNonWorkingDateIsRefused() {
        ProcessInstance instance = driver.onExecution("executor1", List.of(), true);
        LocalDate deadline = deadlineOf(instance);
        Task execute = driver.taskOf(instance, "Task_ExecuteAssignment", "executor1");

        assertThatThrownBy(() -> driver.complete(execute, "executor1", Map.of("executorAction", "extension",
                "extensionReason", "Нужно больше времени", "requestedDeadline", deadline.minusDays(1).toString())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("позже действующего");
        LocalDate candidate = deadline.plusDays(1);
        while (workingDays.isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        LocalDate dayOff = candidate;
        assertThatThrownBy(() -> driver.complete(execute, "executor1", Map.of("executorAction", "extension",
                "extensionReason", "Нужно больше времени", "requestedDeadline", dayOff.toString())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("нерабочий день");
        BpmnAwareTests.assertThat(driver.consideration(instance)).isWaitingAt("Task_ExecuteAssignment");
    }

    private List<Task> assignments(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(driver.consideration(instance).getId())
                .taskDefinitionKey("Task_ExecuteAssignment").list();
    }

    private Job deadlineTimer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(driver.consideration(instance).getId())
                .activityId("BoundaryEvent_DeadlinePassed").singleResult();
    }

    private long resolutionId(ProcessInstance instance) {
        return (Long) engine.getRuntimeService().getVariable(driver.consideration(instance).getId(), "resolutionId");
    }

    private LocalDate deadlineOf(ProcessInstance instance) {
        return resolutions.resolution(resolutionId(instance)).getDeadline();
    }

    private List<String> actions(ProcessInstance instance) {
        return history.of(driver.documentId(instance)).stream().map(AuditEvent::getAction).toList();
    }

    private String lastDetails(ProcessInstance instance, String action) {
        return history.of(driver.documentId(instance)).stream().filter(e -> e.getAction().equals(action))
                .reduce((a, b) -> b).orElseThrow().getDetails();
    }
}
