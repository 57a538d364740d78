package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.resolution.ResolutionService;
import ru.msed.resolution.Resolution;
import ru.msed.engine.Actor;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;
import ru.msed.organization.OrganizationService;
import ru.msed.execution.ExecutionService;

/**
 * Approves the resolution as the manager left it and opens one assignment per executor; the
 * diagram then starts one execution per executor with the resolution's deadline as due date.
 */
@Component("approveResolution")
class ApproveResolution implements JavaDelegate {

    private final ResolutionService resolutions;
    private final ExecutionService executions;
    private final WorkingDays workingDays;
    private final OrganizationService organizations;
    private final ContributionsText contributions;

    ApproveResolution(ResolutionService resolutions, ExecutionService executions, WorkingDays workingDays,
            OrganizationService organizations, ContributionsText contributions) {
        this.resolutions = resolutions;
        this.executions = executions;
        this.workingDays = workingDays;
        this.organizations = organizations;
        this.contributions = contributions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Resolution resolution = resolutions.approve(resolutionId(execution, resolutions),
                ResolutionForm.read(execution), Actor.of(execution, null));
        executions.openAssignments(resolution.getId(), resolution.getResponsibleExecutor(),
                resolution.getCoExecutors(), resolution.getDeadline());
        execution.setVariable(RESPONSIBLE_EXECUTOR, resolution.getResponsibleExecutor());
        execution.setVariable(RESPONSIBLE_EXECUTOR_NAME, organizations.displayName(resolution.getResponsibleExecutor()));
        execution.setVariable(DEADLINE_TEXT, RussianDates.format(resolution.getDeadline()));
        execution.setVariable(CONTRIBUTIONS, contributions.of(resolution.getId()));
        execution.setVariable(ON_CONTROL, resolution.isOnControl());
        execution.setVariable(EXECUTORS, new ArrayList<>(resolution.executors()));
        execution.setVariable(ASSIGNMENT_DUE_DATE, workingDays.endOf(resolution.getDeadline()));
        execution.setVariable(REPORT_SUBMITTED, false);
        execution.setVariable(RESOLUTION_AUTHOR, resolution.getApprovedBy());
        execution.setVariable(OVERDUE, false);
    }
}
