package ru.msed.outgoing;

import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Component;
import ru.msed.engine.AsSystem;
import ru.msed.exchange.AnswerReceiver;
import ru.msed.exchange.NoticeKind;

/**
 * A recipient's «зарегистрирован» or «отказано» reaches the sender's dispatch: the application (never a
 * user — the REST guard refuses message correlation to them) triggers the receive step waiting for this
 * recipient, named by the recipient's code, with the answer as its variables.
 */
@Component
class ExchangeAnswers implements AnswerReceiver {

    private final RuntimeService runtime;
    private final IdentityService identity;

    ExchangeAnswers(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public boolean receive(Answer answer) {
        if (!answer.kind().answersDelivery()) {
            return false;
        }
        String message = ANSWER_MESSAGE_PREFIX + answer.recipientCode();
        return AsSystem.run(identity, () -> {
            EventSubscription waiting = runtime.createEventSubscriptionQuery().processInstanceId(answer.senderProcessInstanceId())
                    .eventType("message").eventName(message).singleResult();
            if (waiting == null) {
                return false; // no longer waiting: the registrar stopped waiting, or it was answered before
            }
            runtime.messageEventReceived(message, waiting.getExecutionId(), Map.of(
                    EXCHANGE_ANSWER, answer.kind() == NoticeKind.REGISTERED ? "registered" : "refused",
                    EXCHANGE_ANSWER_TEXT, answer.text() == null ? "" : answer.text()));
            return true;
        });
    }
}
