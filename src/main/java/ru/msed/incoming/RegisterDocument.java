package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.calendar.RussianDates;
import ru.msed.document.AccessLevel;
import ru.msed.document.DeliveryMethod;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.document.RegistrationCard;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Reads the registration form, validates it and takes the next number of the journal. */
@Component("registerDocument")
class RegisterDocument implements JavaDelegate {

    private final DocumentService documents;

    RegisterDocument(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        RegistrationCard card = new RegistrationCard(
                form.date(RECEIVED_DATE, "Дата поступления"),
                form.text(CORRESPONDENT),
                form.text(CORRESPONDENT_NUMBER),
                form.date(CORRESPONDENT_DATE, "Исходящая дата корреспондента"),
                form.text(SIGNATORY),
                form.text(ADDRESSEE),
                form.text(SUMMARY),
                form.choice(DELIVERY_METHOD, DeliveryMethod.class, "Способ доставки"),
                form.integer(SHEET_COUNT, "Количество листов"),
                form.choice(ACCESS_LEVEL, AccessLevel.class, "Гриф доступа"),
                form.text(TOPIC));
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        String registrar = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        Document document = documents.register(documentId(execution), card, registrar);
        if (Boolean.TRUE.equals(execution.getVariable(ARRIVED_BY_EXCHANGE))) {
            // Nobody started an arrived document's registration: the registrar who registers it stamps the number.
            execution.setVariable(INITIATOR, registrar);
        }
        execution.setVariable(REGISTRATION_NUMBER, document.getRegistrationNumber());
        execution.setVariable(REGISTRATION_DATE, RussianDates.format(document.getRegistrationDate()));
        execution.setVariable(TOPIC, card.topic() == null ? "GENERAL" : card.topic());
    }
}
