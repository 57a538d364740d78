package ru.msed.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail delivery of the outbox ({@code msed.notifications.*}); the mail server itself is Spring
 * Boot's {@code spring.mail.*}. Without {@code spring.mail.host} nothing is sent and the outbox keeps
 * every message.
 */
@ConfigurationProperties("msed.notifications")
public record NotificationProperties(
        @DefaultValue("МСЭД <noreply@msed.local>") String from,
        @DefaultValue("msed.local") String messageIdDomain,
        @DefaultValue("PT15S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("6") int maxAttempts) {
}
