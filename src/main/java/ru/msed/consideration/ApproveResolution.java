package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.resolutionId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.resolution.ResolutionService;
import ru.msed.resolution.Resolution;
import ru.msed.engine.Actor;
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
        execution.setVariables(ExecutionStart.variables(resolution.getResponsibleExecutor(),
                organizations.displayName(resolution.getResponsibleExecutor()), resolution.executors(), resolution.getDeadline(),
                resolution.isOnControl(), resolution.getApprovedBy(), contributions.of(resolution.getId()), workingDays));
    }
}
