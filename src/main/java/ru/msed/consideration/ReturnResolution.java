package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.resolution.ResolutionService;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** Sends the draft back to the assistant with the manager's comment (which the draft form shows). */
@Component("returnResolution")
class ReturnResolution implements JavaDelegate {

    private final ResolutionService resolutions;

    ReturnResolution(ResolutionService resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resolutions.returnToAssistant(resolutionId(execution, resolutions),
                new ProcessValues(execution).text(MANAGER_COMMENT), Actor.of(execution, null));
    }
}
