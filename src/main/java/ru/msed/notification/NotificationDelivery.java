package ru.msed.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox by e-mail: due messages are locked in small batches (other nodes skip them),
 * sent, and marked — at least once: a node that dies between sending and marking sends again
 * with the same {@code Message-ID}, so a mail client shows one message. A failure is retried with
 * growing delays and, after the last attempt, left for support as undeliverable.
 */
@Component
public class NotificationDelivery {

    static final String KEY_HEADER = "X-MSED-Notification";
    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    private final NotificationRepository notifications;
    private final TransactionTemplate transaction;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationDelivery(NotificationRepository notifications, TransactionTemplate transaction,
            NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers what is due through the given mail server; returns how many were sent. */
    public int deliverDue(JavaMailSender mail) {
        int sent = 0;
        while (true) {
            Integer batch = transaction.execute(status -> deliverBatch(mail));
            if (batch == null || batch < 0) {
                return sent;
            }
            sent += batch;
        }
    }

    /** One batch in one transaction; -1 when nothing was due. */
    private int deliverBatch(JavaMailSender mail) {
        Instant now = Instant.now(clock);
        List<Notification> due = notifications.lockDue(now, properties.batchSize());
        if (due.isEmpty()) {
            return -1;
        }
        int sent = 0;
        for (Notification notification : due) {
            try {
                mail.send(message(notification));
                notification.sent(Instant.now(clock));
                sent++;
            } catch (MailException | MessagingException e) {
                boolean last = notification.getAttempts() + 1 >= properties.maxAttempts() || e instanceof AddressException;
                notification.failed(e.getMessage(), now, RETRY_DELAYS.get(Math.min(notification.getAttempts(),
                        RETRY_DELAYS.size() - 1)), last);
                log.warn("Notification {} not delivered (attempt {}{}): {}", notification.getId(), notification.getAttempts(),
                        last ? ", undeliverable" : "", e.getMessage());
            }
        }
        return sent;
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        String messageId = "<notification-" + notification.getIdempotencyKey().replaceAll("[^A-Za-z0-9._-]", "-")
                + "@" + properties.messageIdDomain() + ">";
        MimeMessage message = new MimeMessage((Session) null) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(properties.from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(notification.getRecipient(), true));
        message.setSubject(notification.getSubject(), StandardCharsets.UTF_8.name());
        message.setText(notification.getBody(), StandardCharsets.UTF_8.name());
        message.setHeader(KEY_HEADER, notification.getIdempotencyKey());
        message.setSentDate(java.util.Date.from(Instant.now(clock)));
        return message;
    }
}
