package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.RESOLUTION_ID;
import static ru.msed.consideration.DocumentConsiderationVariables.RESOLUTION_TEXT;
import static ru.msed.consideration.DocumentConsiderationVariables.documentId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.calendar.WorkingDays;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.LegacyResolutions;

/**
 * A resolution approved before this regulation started (a card moved from the legacy system): the
 * executors' work starts from the card's approved resolution, with the variables the approval step
 * would have set — read from the card here (one statement), so the caller passes only the card.
 */
@Component("continueApprovedResolution")
class ContinueApprovedResolution implements JavaDelegate {

    private final LegacyResolutions resolutions;
    private final OrganizationService organizations;
    private final ContributionsText contributions;
    private final WorkingDays workingDays;

    ContinueApprovedResolution(LegacyResolutions resolutions, OrganizationService organizations, ContributionsText contributions,
            WorkingDays workingDays) {
        this.resolutions = resolutions;
        this.organizations = organizations;
        this.contributions = contributions;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        LegacyResolutions.Approved resolution = resolutions.approvedOf(documentId)
                .orElseThrow(() -> new IllegalStateException("Card " + documentId + " has no approved resolution to continue"));
        execution.setVariable(RESOLUTION_ID, resolution.id());
        execution.setVariable(RESOLUTION_TEXT, resolution.text());
        execution.setVariables(ExecutionStart.variables(resolution.responsibleExecutor(),
                organizations.displayName(resolution.responsibleExecutor()), resolution.executors(), resolution.deadline(),
                resolution.onControl(), resolution.approvedBy(),
                resolution.hasCoExecutors() ? contributions.of(resolution.id()) : null, workingDays));
    }
}
