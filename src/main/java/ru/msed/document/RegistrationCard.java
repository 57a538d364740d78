package ru.msed.document;

import java.time.LocalDate;

/** What the registrar enters on the card, already parsed; {@link DocumentService} validates it. */
public record RegistrationCard(
        LocalDate receivedDate,
        String correspondent,
        String correspondentNumber,
        LocalDate correspondentDate,
        String signatory,
        String addressee,
        String summary,
        DeliveryMethod deliveryMethod,
        Integer sheetCount,
        AccessLevel accessLevel,
        String topic) {
}
