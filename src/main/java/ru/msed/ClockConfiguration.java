package ru.msed;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the domain, so tests can fix "today". It runs in the organizations' time zone
 * ({@code msed.time-zone}, Europe/Moscow by default), not the server's: "today", "the end of the
 * working day" and every date shown are the clerks' dates wherever the server stands.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${msed.time-zone:Europe/Moscow}") ZoneId zone) {
        return Clock.system(zone);
    }
}
