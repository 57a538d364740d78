package ru.msed.exchange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Every node delivers due notifications every {@code msed.exchange.notice-poll-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "msed.exchange.notice-delivery", havingValue = "true", matchIfMissing = true)
class ScheduledNoticeDelivery {

    private final NoticeDelivery delivery;

    ScheduledNoticeDelivery(NoticeDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${msed.exchange.notice-poll-interval:PT5S}", initialDelayString = "PT10S")
    void deliver() {
        delivery.deliverDue();
    }
}
