package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/** Records technical support's decision (a reason is required to reject). */
@Component("recordReviewDecision")
class RecordReviewDecision implements JavaDelegate {

    private final ConnectionRequests requests;

    RecordReviewDecision(ConnectionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        execution.setVariable(APPROVED, requests.decide(requestId(execution), form.text(REVIEW_DECISION),
                form.text(REVIEW_REASON), Actor.of(execution, null)));
    }
}
