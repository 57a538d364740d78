package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.AccessLevel;
import ru.msed.document.DeliveryMethod;
import ru.msed.exchange.ExchangeService;
import ru.msed.exchange.ExchangeService.Arrival;

/**
 * The package arrives as this instance's card: files and signatures copied and checked, and the
 * registration form prefilled with the sender's requisites (the registrar may still correct them).
 */
@Component("recordArrival")
class RecordArrival implements JavaDelegate {

    private final ExchangeService exchange;
    private final Clock clock;

    RecordArrival(ExchangeService exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long packageId = ((Number) execution.getVariable(EXCHANGE_PACKAGE_ID)).longValue();
        Arrival arrival = exchange.receive(packageId, documentId(execution));
        execution.setVariable(RECEIVED_DATE, LocalDate.now(clock).toString());
        execution.setVariable(CORRESPONDENT, arrival.correspondent());
        execution.setVariable(CORRESPONDENT_NUMBER, arrival.correspondentNumber());
        execution.setVariable(CORRESPONDENT_DATE, arrival.correspondentDate() == null ? null : arrival.correspondentDate().toString());
        execution.setVariable(SIGNATORY, arrival.signatory());
        execution.setVariable(SUMMARY, arrival.summary());
        execution.setVariable(DELIVERY_METHOD, DeliveryMethod.MEDO.name());
        execution.setVariable(ACCESS_LEVEL, AccessLevel.GENERAL.name());
        execution.setVariable(TOPIC, "GENERAL");
        execution.setVariable(SIGNATURE_CHECK, arrival.signatureCheck());
        execution.setVariable(DRAFT_NUMBER, arrival.label());
        execution.setVariable(ARRIVAL_DECISION, "register");
    }
}
