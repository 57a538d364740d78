package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the request back to the applicant with its problems; the review clock pauses. */
@Component("returnConnectionRequest")
class ReturnConnectionRequest implements JavaDelegate {

    private final ConnectionRequests requests;

    ReturnConnectionRequest(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.returnToApplicant(requestId(execution));
    }
}
