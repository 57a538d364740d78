package ru.msed.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msed.web.CurrentUser;
import ru.msed.web.ForbiddenException;

/** Technical support reads the outbox (e.g. the undeliverable messages) and sends one again. */
@RestController
class NotificationController {

    private static final String SUPPORT_GROUP = "camunda-admin";

    private final Notifications notifications;
    private final CurrentUser currentUser;

    NotificationController(Notifications notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    record NotificationView(long id, String recipient, String subject, String status, int attempts, String lastError,
            Instant createdAt, Instant sentAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getRecipient(), n.getSubject(), n.getStatus().name(), n.getAttempts(),
                    n.getLastError(), n.getCreatedAt(), n.getSentAt());
        }
    }

    @GetMapping("/api/admin/notifications")
    List<NotificationView> list(@RequestParam(defaultValue = "UNDELIVERABLE") Notification.Status status) {
        requireSupport();
        return notifications.withStatus(status).stream().map(NotificationView::of).toList();
    }

    @PostMapping("/api/admin/notifications/{id}/retry")
    NotificationView retry(@PathVariable long id) {
        requireSupport();
        return NotificationView.of(notifications.retry(id));
    }

    private void requireSupport() {
        if (!currentUser.groupIds().contains(SUPPORT_GROUP)) {
            throw new ForbiddenException("Очередь уведомлений доступна только технической поддержке.");
        }
    }
}
