package ru.msed.resolution;

import static ru.msed.resolution.ResolutionVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.calendar.WorkingDays;
import ru.msed.execution.ExecutionService;
import ru.msed.execution.ExecutionVariables;
import ru.msed.execution.ExtensionVariables;

/**
 * Approves the resolution as the manager left it and opens one assignment per executor; the
 * diagram then starts one execution per executor with the resolution's deadline as due date.
 */
@Component("approveResolution")
class ApproveResolution implements JavaDelegate {

    private final ResolutionService resolutions;
    private final ExecutionService executions;
    private final WorkingDays workingDays;

    ApproveResolution(ResolutionService resolutions, ExecutionService executions, WorkingDays workingDays) {
        this.resolutions = resolutions;
        this.executions = executions;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Resolution resolution = resolutions.approve((Long) execution.getVariable(RESOLUTION_ID),
                ResolutionForm.read(execution), Actor.of(execution, null));
        executions.openAssignments(resolution.getId(), resolution.getResponsibleExecutor(),
                resolution.getCoExecutors(), resolution.getDeadline());
        execution.setVariable(RESPONSIBLE_EXECUTOR, resolution.getResponsibleExecutor());
        execution.setVariable(ON_CONTROL, resolution.isOnControl());
        execution.setVariable(ExecutionVariables.EXECUTORS, new ArrayList<>(resolution.executors()));
        execution.setVariable(ExecutionVariables.ASSIGNMENT_DUE_DATE, workingDays.endOf(resolution.getDeadline()));
        execution.setVariable(ExecutionVariables.REPORT_SUBMITTED, false);
        execution.setVariable(ExtensionVariables.RESOLUTION_AUTHOR, resolution.getApprovedBy());
        execution.setVariable(ExtensionVariables.OVERDUE, false);
    }
}
