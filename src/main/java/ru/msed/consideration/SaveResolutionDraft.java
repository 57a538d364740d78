package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.resolution.ResolutionService;
import ru.msed.resolution.Resolution;
import ru.msed.engine.Actor;

/** Validates and stores the assistant's draft resolution for the manager. */
@Component("saveResolutionDraft")
class SaveResolutionDraft implements JavaDelegate {

    private final ResolutionService resolutions;

    SaveResolutionDraft(ResolutionService resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Resolution resolution = resolutions.saveDraft(documentId(execution),
                ResolutionForm.read(execution), Actor.of(execution, null));
        execution.setVariable(RESOLUTION_ID, resolution.getId());
        // The manager's decision of an earlier round must not decide this one.
        execution.removeVariable(MANAGER_DECISION);
    }
}
