package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.ResolutionService;
import ru.msed.execution.ControlDecision;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Records whether the controller accepted the report or returned it (with a comment for the executor). */
@Component("recordControlDecision")
class RecordControlDecision implements JavaDelegate {

    private final ExecutionService executions;
    private final ResolutionService resolutions;

    RecordControlDecision(ExecutionService executions, ResolutionService resolutions) {
        this.executions = executions;
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        ControlDecision verdict = ControlDecision.ofForm(form.text(CONTROLLER_DECISION))
                .orElseThrow(() -> new UserInputException("Выберите решение: принять отчёт или вернуть на доработку."));
        executions.decide(resolutionId(execution, resolutions), documentId(execution),
                verdict, form.text(CONTROLLER_COMMENT), Actor.of(execution, null));
    }
}
