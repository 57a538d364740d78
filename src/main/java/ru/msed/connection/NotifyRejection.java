package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the applicant why the request was rejected. */
@Component("notifyRejection")
class NotifyRejection implements JavaDelegate {

    private final ConnectionRequests requests;

    NotifyRejection(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.notifyRejection(requestId(execution));
    }
}
