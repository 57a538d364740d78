package ru.msed.connection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.notification.Notifications;
import ru.msed.organization.Organization;

/**
 * What the applicant is told, and where: the responsible person's e-mail from the workbook, else the
 * applicant's. One message per request and reason, so a replayed step queues nothing twice; a
 * password never, only the one-time link to the sealed credentials sheet.
 */
@Component
class ApplicantNotices {

    private final Notifications notifications;
    private final ConnectionWorkbookReader reader;
    private final Applicants applicants;
    private final String publicUrl;

    ApplicantNotices(Notifications notifications, ConnectionWorkbookReader reader, Applicants applicants,
            @Value("${msed.public-url:http://localhost:8080}") String publicUrl) {
        this.notifications = notifications;
        this.reader = reader;
        this.applicants = applicants;
        this.publicUrl = publicUrl;
    }

    void returned(ConnectionRequest request) {
        notify(request, "returned-" + request.getWorkbookSha256(),
                "Заявка на подключение к МСЭД № " + request.getId() + " возвращена на исправление",
                "В заявке найдены ошибки:\n" + request.getProblems()
                        + "\n\nИсправьте книгу и загрузите её на странице заявки: " + publicUrl + "/onboarding.html?request="
                        + request.getId() + ". Срок рассмотрения приостановлен до получения исправленной заявки.");
    }

    void rejected(ConnectionRequest request) {
        notify(request, "rejected", "Заявка на подключение к МСЭД № " + request.getId() + " отклонена",
                "Причина: " + request.getDecisionReason());
    }

    void provisioned(ConnectionRequest request, Organization organization, Provisioning.Provisioned result, String token) {
        notify(request, "provisioned", "Подключение к МСЭД по заявке № " + request.getId() + " выполнено",
                "Организация «" + organization.getShortName() + "» (код " + organization.getCode() + ") подключена. "
                        + "Подключено пользователей: " + result.connected() + ", отключено: " + result.disconnected()
                        + ", изменены права: " + result.changed() + "."
                        + (token == null ? "" : "\n\nЛогины и временные пароли — по одноразовой ссылке (действует 7 дней, "
                                + "открывается один раз): " + publicUrl + "/onboarding-api/credentials/" + token
                                + "\nПри первом входе каждый пользователь сменит пароль."));
    }

    private void notify(ConnectionRequest request, String reason, String subject, String body) {
        notifications.queue("connection-request:" + request.getId() + ":" + reason, recipientOf(request), subject, body);
    }

    private String recipientOf(ConnectionRequest request) {
        ConnectionWorkbook workbook = reader.read(request.getWorkbook());
        String email = workbook.header().isEmpty() ? null : workbook.value(HeaderField.RESPONSIBLE_EMAIL);
        if (email != null && ConnectionRequestValidator.EMAIL.matcher(email).matches()) {
            return email;
        }
        return applicants.emailOf(request.getApplicant());
    }
}
