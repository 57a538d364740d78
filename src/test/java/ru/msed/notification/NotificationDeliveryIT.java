package ru.msed.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.connection.ConnectionRequests;
import ru.msed.connection.RequestWorkbookBuilder;

/** The outbox reaches a real SMTP server: once, in Russian, with the link and never a password; retries; undeliverable. */
@MsedIntegrationTest
class NotificationDeliveryIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ConnectionRequests requests;
    @Autowired
    Notifications notifications;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    GreenMail smtp;
    JavaMailSenderImpl mail;

    @BeforeEach
    void smtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        // Leave only this test's messages due.
        jdbc.update("UPDATE notification SET status = 'SENT' WHERE status = 'QUEUED'");
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void credentialsLinkArrivesOnceInRussianWithoutAnyPassword() throws Exception {
        var request = driver.as("support", () -> requests.submit("support", "zayavka.xlsx",
                RequestWorkbookBuilder.newOrganization("7701008801").connect("Тарасов", "Тарас", "Отдел", "Исполнитель").build(),
                "letter.pdf", "application/pdf", new byte[] {1, 2, 3}, null));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("connection-request")
                .processInstanceBusinessKey(request.getId().toString()).singleResult();
        driver.complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult(), "support",
                Map.of("reviewDecision", "approve"));

        assertThat(delivery.deliverDue(mail)).isEqualTo(1);
        assertThat(delivery.deliverDue(mail)).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Подключение к МСЭД по заявке № " + request.getId() + " выполнено");
        assertThat(message.getHeader(NotificationDelivery.KEY_HEADER)[0]).isEqualTo("connection-request:" + request.getId()
                + ":provisioned");
        assertThat(message.getMessageID()).contains("connection-request-" + request.getId() + "-provisioned");
        String text = (String) message.getContent();
        Matcher link = Pattern.compile("/onboarding-api/credentials/([A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        for (String password : passwords(requests.downloadCredentials(link.group(1)))) {
            assertThat(text).doesNotContain(password);
        }
        assertThat(notifications.to("sergeeva@zags.demo.ru")).filteredOn(n -> n.getStatus() == Notification.Status.SENT)
                .isNotEmpty();
    }

    @Test
    void aReplayedStepQueuesNothingTwice() {
        transaction.executeWithoutResult(status -> {
            notifications.queue("test:replay", "applicant@demo.msed.local", "Тема", "Текст");
            notifications.queue("test:replay", "applicant@demo.msed.local", "Тема", "Текст");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE idempotency_key = 'test:replay'", Long.class))
                .isEqualTo(1);
        assertThat(delivery.deliverDue(mail)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRetriedAndABadAddressIsLeftForSupport() {
        transaction.executeWithoutResult(status -> {
            notifications.queue("test:retry", "later@demo.msed.local", "Повтор", "Текст");
            notifications.queue("test:bad-address", "не адрес", "Плохой адрес", "Текст");
        });
        smtp.stop();
        assertThat(delivery.deliverDue(mail)).isZero();
        assertThat(status("test:retry")).isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("SELECT attempts FROM notification WHERE idempotency_key = 'test:retry'", Integer.class))
                .isEqualTo(1);
        assertThat(status("test:bad-address")).isEqualTo("UNDELIVERABLE");

        smtp.start();
        mail.setPort(smtp.getSmtp().getPort());
        assertThat(delivery.deliverDue(mail)).as("not due before its retry delay").isZero();
        jdbc.update("UPDATE notification SET next_attempt_at = now() WHERE idempotency_key = 'test:retry'");
        assertThat(delivery.deliverDue(mail)).isEqualTo(1);
        assertThat(status("test:retry")).isEqualTo("SENT");

        String undeliverable = Http.as(port, "support").get().uri("/api/admin/notifications?status=UNDELIVERABLE").retrieve()
                .body(String.class);
        assertThat(undeliverable).contains("Плохой адрес");
        assertThat(Http.as(port, "admin").get().uri("/api/admin/notifications").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
        long id = jdbc.queryForObject("SELECT id FROM notification WHERE idempotency_key = 'test:bad-address'", Long.class);
        assertThat(Http.as(port, "support").post().uri("/api/admin/notifications/" + id + "/retry").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(status("test:bad-address")).isEqualTo("QUEUED");
        jdbc.update("UPDATE notification SET status = 'SENT' WHERE idempotency_key = 'test:bad-address'");
    }

    private String status(String key) {
        return jdbc.queryForObject("SELECT status FROM notification WHERE idempotency_key = ?", String.class, key);
    }

    private static List<String> passwords(byte[] sheet) throws Exception {
        List<String> passwords = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            var rows = workbook.getSheetAt(0);
            for (int r = 3; r <= rows.getLastRowNum(); r++) {
                passwords.add(rows.getRow(r).getCell(3).getStringCellValue());
            }
        }
        assertThat(passwords).isNotEmpty();
        return passwords;
    }
}
