package ru.msed.appeal;

import org.springframework.stereotype.Component;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentHistory;
import ru.msed.notification.Notifications;

/**
 * What the applicant is told: by e-mail through the outbox (one message per appeal and reason, so a
 * replayed step queues nothing twice); an applicant with a postal address only gets a letter, which the
 * card's history lists for the office to send. Nothing goes to an anonymous applicant.
 */
@Component
class AppealNotices {

    private final Notifications notifications;
    private final DocumentHistory history;

    AppealNotices(Notifications notifications, DocumentHistory history) {
        this.notifications = notifications;
        this.history = history;
    }

    void notify(Appeal appeal, String reason, String subject, String body, String actor) {
        String greeting = appeal.getApplicantName() == null ? "Здравствуйте!" : "Уважаемый(ая) " + appeal.getApplicantName() + "!";
        if (appeal.getEmail() != null) {
            notifications.queue("appeal:" + appeal.getDocumentId() + ":" + reason, appeal.getEmail(), subject,
                    greeting + "\n\n" + body + "\n\nЭто сообщение отправлено автоматически, отвечать на него не нужно.");
            history.record(appeal.getDocumentId(), actor, DocumentAction.APPLICANT_NOTIFIED, "По электронной почте: " + subject);
        } else if (appeal.getPostalAddress() != null) {
            history.record(appeal.getDocumentId(), actor, DocumentAction.APPLICANT_NOTIFIED,
                    "Письмом по почтовому адресу (отправляет канцелярия): " + subject);
        }
    }
}
