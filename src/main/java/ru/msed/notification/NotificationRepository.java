package ru.msed.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientOrderById(String recipient);

    List<Notification> findByStatusOrderById(Notification.Status status);

    /** Due messages, locked for this node; other nodes skip them (several nodes deliver in parallel). */
    @Query(value = """
            SELECT * FROM notification WHERE status = 'QUEUED' AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<Notification> lockDue(Instant now, int limit);
}
