package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review SLA passed: the instance is marked overdue (for Cockpit) and the lead is told. */
@Component("markReviewOverdue")
class MarkReviewOverdue implements JavaDelegate {

    private final ConnectionRequests requests;

    MarkReviewOverdue(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.reviewOverdue(requestId(execution));
        execution.setVariable(OVERDUE, true);
    }
}
