package ru.msed.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the outbox every {@code msed.notifications.poll-interval} when a mail server is configured. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBean(JavaMailSender.class)
class ScheduledNotificationDelivery {

    private final NotificationDelivery delivery;
    private final JavaMailSender mail;

    ScheduledNotificationDelivery(NotificationDelivery delivery, JavaMailSender mail) {
        this.delivery = delivery;
        this.mail = mail;
    }

    @Scheduled(fixedDelayString = "${msed.notifications.poll-interval:PT15S}", initialDelayString = "PT10S")
    void deliver() {
        delivery.deliverDue(mail);
    }
}
