package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.msed.execution.ExecutionService;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.ResolutionService;

/**
 * Runs when the diagram's deadline timer fires: flags the instance ({@code overdue=true}, for
 * Cockpit) and every open assignment task (a local {@code overdue} variable and top priority).
 */
@Component("markAssignmentsOverdue")
class MarkAssignmentsOverdue implements JavaDelegate {

    static final int OVERDUE_PRIORITY = 90;

    private final ExecutionService executions;
    private final ResolutionService resolutions;
    private final OrganizationService organizations;

    MarkAssignmentsOverdue(ExecutionService executions, ResolutionService resolutions, OrganizationService organizations) {
        this.executions = executions;
        this.resolutions = resolutions;
        this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var late = executions.markOverdue(resolutionId(execution, resolutions), documentId(execution));
        execution.setVariable(OVERDUE, true);
        execution.setVariable(OVERDUE_EXECUTORS, String.join(", ", organizations.displayNames(late).values().stream().sorted().toList()));
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(TASK_EXECUTE_ASSIGNMENT, TASK_REWORK_REPORT).list()) {
            tasks.setVariableLocal(task.getId(), OVERDUE, true);
            tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
        }
    }
}
