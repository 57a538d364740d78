package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The applicant finished correcting: a new workbook must have been uploaded. */
@Component("acceptCorrectedRequest")
class AcceptCorrectedRequest implements JavaDelegate {

    private final ConnectionRequests requests;

    AcceptCorrectedRequest(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.acceptCorrection(requestId(execution));
    }
}
