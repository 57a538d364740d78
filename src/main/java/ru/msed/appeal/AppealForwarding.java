package ru.msed.appeal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.msed.document.AttachmentInfo;
import ru.msed.document.AttachmentService;
import ru.msed.document.DocumentService;
import ru.msed.notification.Notifications;
import ru.msed.organization.OrganizationService;

/**
 * Delivers a forwarded appeal to the competent body. A body that is an organization of the system gets it
 * inside the system: an appeal card with the applicant's data, text and files waits for registration
 * there, as one from the public form does. Any other body gets a letter by e-mail through the outbox.
 *
 * <p>This is the seam for the exchange between organizations: when it lands, {@link #deliver} hands the
 * in-system case to it (with its delivery receipts) instead of {@link AppealIntake}.
 */
@Component
class AppealForwarding {

    private final Appeals appeals;
    private final AppealIntake intake;
    private final AttachmentService attachments;
    private final DocumentService documents;
    private final OrganizationService organizations;
    private final Notifications notifications;

    AppealForwarding(Appeals appeals, AppealIntake intake, AttachmentService attachments, DocumentService documents,
            OrganizationService organizations, Notifications notifications) {
        this.appeals = appeals;
        this.intake = intake;
        this.attachments = attachments;
        this.documents = documents;
        this.organizations = organizations;
        this.notifications = notifications;
    }

    void deliver(long documentId, CompetentBodies.Body body, String note, String actor) {
        Appeal appeal = appeals.appeal(documentId);
        String from = organizations.organization(appeal.getOrganizationId()).getShortName();
        var card = documents.document(documentId);
        String reference = card.getRegistrationNumber() + " от " + Appeals.DATE.format(card.getRegistrationDate());
        if (body.organizationCode() != null && organizations.findOrganization(body.organizationCode()).isPresent()) {
            List<AppealIntake.IncomingFile> files = new ArrayList<>();
            for (AttachmentInfo info : attachments.list(documentId)) {
                var file = attachments.download(documentId, info.id());
                files.add(new AppealIntake.IncomingFile(info.fileName(), info.contentType(), file.content()));
            }
            intake.receive(body.organizationCode(), AppealChannel.FORWARDED,
                    new Applicant(appeal.getApplicantName(), appeal.getPostalAddress(), appeal.getEmail(), appeal.getPhone()),
                    textOf(appeal, from, reference, note), files, "переадресовано: " + from);
            return;
        }
        notifications.queue("appeal:" + documentId + ":forwarded-to:" + body.code(), body.email(),
                "Переадресация обращения гражданина " + reference + " (" + from + ")",
                "Направляем по компетенции обращение гражданина (ст. 8 Федерального закона № 59-ФЗ).\n\n"
                        + "Заявитель: " + valueOr(appeal.getApplicantName(), "не указан") + "\n"
                        + "Почтовый адрес: " + valueOr(appeal.getPostalAddress(), "не указан") + "\n"
                        + "Электронная почта: " + valueOr(appeal.getEmail(), "не указана") + "\n"
                        + "Телефон: " + valueOr(appeal.getPhone(), "не указан") + "\n\n"
                        + textOf(appeal, from, reference, note)
                        + "\n\nФайлы обращения: " + attachments.list(documentId).size() + " (направляются отдельно)."
                        + "\nЗаявитель уведомлён о переадресации.");
    }

    private static String textOf(Appeal appeal, String from, String reference, String note) {
        return "Обращение " + reference + ", переадресовано: " + from + (note == null ? "" : ". " + note)
                + (appeal.getAppealText() == null ? "" : "\n\nТекст обращения:\n" + appeal.getAppealText());
    }

    private static String valueOr(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
