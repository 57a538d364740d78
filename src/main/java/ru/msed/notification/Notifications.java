package ru.msed.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.web.NotFoundException;

/** The outbox: what a step queues to be sent by e-mail, and what support sees of its delivery. */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(NotificationRepository notifications, JdbcTemplate jdbc, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues a message in the caller's transaction (it leaves only if the step commits). The key names
     * the message's reason (e.g. {@code connection-request:12:approved}): queueing the same key again —
     * a replayed step — queues nothing (a unique constraint, not a look-up first).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String idempotencyKey, String recipient, String subject, String body) {
        Instant now = Instant.now(clock);
        jdbc.update("""
                INSERT INTO notification (idempotency_key, recipient, subject, body, created_at, status, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?) ON CONFLICT (idempotency_key) DO NOTHING""",
                idempotencyKey, recipient, subject, body, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
    }

    @Transactional(readOnly = true)
    public List<Notification> to(String recipient) {
        return notifications.findByRecipientOrderById(recipient);
    }

    @Transactional(readOnly = true)
    public List<Notification> withStatus(Notification.Status status) {
        return notifications.findByStatusOrderById(status);
    }

    /** Support sends an undeliverable message again (after fixing the address or the mail server). */
    @Transactional
    public Notification retry(long id) {
        Notification notification = notifications.findById(id)
                .orElseThrow(() -> new NotFoundException("Уведомление " + id + " не найдено."));
        notification.retry(Instant.now(clock));
        return notification;
    }
}
