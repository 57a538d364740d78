package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.execution.ExecutionService;
import ru.msed.organization.OrganizationService;
import ru.msed.resolution.ResolutionService;
import ru.msed.execution.ExtensionRequest;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Records an executor's request to move the deadline, for the resolution's author to decide. */
@Component("requestExtension")
class RequestExtension implements JavaDelegate {

    private final ExecutionService executions;
    private final ResolutionService resolutions;
    private final OrganizationService organizations;

    RequestExtension(ExecutionService executions, ResolutionService resolutions, OrganizationService organizations) {
        this.executions = executions;
        this.resolutions = resolutions;
        this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        var requested = form.date(REQUESTED_DEADLINE, "Новый срок");
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        ExtensionRequest request = executions.requestExtension(resolutionId(execution, resolutions),
                documentId(execution), (String) execution.getVariable(EXECUTOR),
                form.text(EXTENSION_REASON), requested);
        execution.setVariableLocal(EXTENSION_REQUEST_ID, request.getId());
        execution.setVariableLocal(CURRENT_DEADLINE, RussianDates.format(request.getCurrentDeadline()));
        execution.setVariableLocal(REQUESTED_DEADLINE_TEXT, RussianDates.format(request.getRequestedDeadline()));
        execution.setVariableLocal(EXECUTOR_NAME, organizations.displayName(request.getRequestedBy()));
    }
}
