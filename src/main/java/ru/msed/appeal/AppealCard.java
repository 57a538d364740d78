package ru.msed.appeal;

import java.time.LocalDate;
import java.util.List;

/** What the registrar enters on an appeal's registration card, already parsed; {@link Appeals} validates it. */
record AppealCard(
        Applicant applicant,
        LocalDate receivedDate,
        ReceiptForm receiptForm,
        AppealKind kind,
        boolean collective,
        boolean repeated,
        List<Long> linkedAppeals,
        String topicCode,
        String complainedBody,
        String complainedOfficial,
        String summary,
        Integer sheetCount,
        String text) {
}
