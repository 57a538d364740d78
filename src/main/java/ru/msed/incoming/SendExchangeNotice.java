package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.ProcessValues;
import ru.msed.exchange.ExchangeService;
import ru.msed.exchange.NoticeKind;

/**
 * A notification back to the sender of an arrived document, at the step where it happens: the send
 * step's input parameters say which ({@code noticeKind}), what it says ({@code noticeText}, written in
 * the diagram) and which event it is about ({@code noticeEvent}, so a replayed step sends nothing twice).
 * It is queued in this step's transaction; the application delivers it. «Доклад направлен» also puts
 * the answers' numbers and dates into the execution mark the registrar will close the card with.
 */
@Component("sendExchangeNotice")
class SendExchangeNotice implements JavaDelegate {

    private final ExchangeService exchange;

    SendExchangeNotice(ExchangeService exchange) {
        this.exchange = exchange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues input = new ProcessValues(execution);
        NoticeKind kind = NoticeKind.valueOf(input.text(NOTICE_KIND));
        ExchangeService.Notified notified = exchange.notify(documentId(execution), kind, input.text(NOTICE_EVENT),
                input.text(NOTICE_TEXT));
        if (notified.answers() != null && input.text(EXECUTION_MARK) == null) {
            execution.getProcessInstance().setVariable(EXECUTION_MARK, "Направлен ответ: " + notified.answers() + ".");
        }
    }
}
