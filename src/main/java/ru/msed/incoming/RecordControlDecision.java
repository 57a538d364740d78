package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.execution.ExecutionService;
import ru.msed.execution.ControlDecision;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Records whether the controller accepted the report or returned it (with a comment for the executor). */
@Component("recordControlDecision")
class RecordControlDecision implements JavaDelegate {

    private final ExecutionService executions;

    RecordControlDecision(ExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        String decision = form.text(CONTROLLER_DECISION);
        ControlDecision verdict = switch (decision == null ? "" : decision) {
            case "accept" -> ControlDecision.ACCEPTED;
            case "return" -> ControlDecision.RETURNED;
            default -> throw new UserInputException("Выберите решение: принять отчёт или вернуть на доработку.");
        };
        executions.decide((Long) execution.getVariable("resolutionId"), (Long) execution.getVariable("documentId"),
                verdict, form.text(CONTROLLER_COMMENT), Actor.of(execution, null));
    }
}
