package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.RESOLUTION_ID;
import static ru.msed.consideration.DocumentConsiderationVariables.RESOLUTION_TEXT;
import static ru.msed.consideration.DocumentConsiderationVariables.documentId;

import java.util.Comparator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.calendar.WorkingDays;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.Resolution;
import ru.msed.resolution.ResolutionService;
import ru.msed.resolution.ResolutionStatus;

/**
 * A resolution approved before this regulation started (a card moved from the legacy system): the
 * executors' work starts from the card's approved resolution, with the variables the approval step
 * would have set — read from the card here, so the caller passes only the card.
 */
@Component("continueApprovedResolution")
class ContinueApprovedResolution implements JavaDelegate {

    private final ResolutionService resolutions;
    private final OrganizationService organizations;
    private final ContributionsText contributions;
    private final WorkingDays workingDays;

    ContinueApprovedResolution(ResolutionService resolutions, OrganizationService organizations, ContributionsText contributions,
            WorkingDays workingDays) {
        this.resolutions = resolutions;
        this.organizations = organizations;
        this.contributions = contributions;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        Resolution resolution = resolutions.ofDocument(documentId).stream()
                .filter(r -> r.getStatus() == ResolutionStatus.APPROVED)
                .max(Comparator.comparing(Resolution::getId))
                .orElseThrow(() -> new IllegalStateException("Card " + documentId + " has no approved resolution to continue"));
        execution.setVariable(RESOLUTION_ID, resolution.getId());
        execution.setVariable(RESOLUTION_TEXT, resolution.getText());
        execution.setVariables(ExecutionStart.variables(resolution.getResponsibleExecutor(),
                organizations.displayName(resolution.getResponsibleExecutor()), resolution.executors(), resolution.getDeadline(),
                resolution.isOnControl(), resolution.getApprovedBy(), contributions.of(resolution.getId()), workingDays));
    }
}
