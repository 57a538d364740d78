package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.util.ArrayList;
import java.util.List;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Reads the applicant and the registration card from the forms' values. */
final class AppealForm {

    private AppealForm() {
    }

    static Applicant applicant(ProcessValues form) {
        return new Applicant(form.text(APPLICANT_NAME), form.text(POSTAL_ADDRESS), form.text(EMAIL), form.text(PHONE));
    }

    static AppealCard card(ProcessValues form, String text) {
        List<Long> linked = new ArrayList<>();
        for (String id : form.list(LINKED_APPEALS)) {
            try {
                linked.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                form.problems().add("Связанное обращение «" + id + "» указано неверно.");
            }
        }
        AppealCard card = new AppealCard(applicant(form), form.date(RECEIVED_DATE, "Дата поступления"),
                form.choice(RECEIPT_FORM, ReceiptForm.class, "Форма обращения"),
                form.choice(APPEAL_KIND, AppealKind.class, "Вид обращения"), form.flag(COLLECTIVE), form.flag(REPEATED),
                linked, form.text(TOPIC), form.text(COMPLAINED_BODY), form.text(COMPLAINED_OFFICIAL), form.text(SUMMARY),
                form.integer(SHEET_COUNT, "Количество листов"), text);
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        return card;
    }
}
