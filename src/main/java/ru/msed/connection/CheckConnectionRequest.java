package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the workbook automatically; the diagram returns an invalid request to the applicant. */
@Component("checkConnectionRequest")
class CheckConnectionRequest implements JavaDelegate {

    private final ConnectionRequests requests;

    CheckConnectionRequest(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConnectionRequests.CheckResult result = requests.check(requestId(execution));
        execution.setVariable(REQUEST_VALID, result.valid());
        execution.setVariable(ORGANIZATION_NAME, result.organizationName());
        execution.setVariable(PEOPLE_COUNT, result.people());
        List<String> shown = result.problems().stream().limit(20).toList();
        execution.setVariable(PROBLEMS_TEXT, String.join("\\n", shown)
                + (result.problems().size() > shown.size() ? "\\n… всего замечаний: " + result.problems().size() : ""));
    }
}
