package ru.msed.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the sweep on {@code msed.files.sweep.cron} (nightly by default); off with {@code msed.files.sweep.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "msed.files.sweep.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledContentSweep {

    private static final Logger log = LoggerFactory.getLogger(ScheduledContentSweep.class);

    private final ContentSweep sweep;

    ScheduledContentSweep(ContentSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(cron = "${msed.files.sweep.cron:0 30 2 * * *}")
    void sweep() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            log.error("The file store sweep failed; it runs again at the next scheduled time", e);
        }
    }
}
