package ru.msed.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the login: the throttle of wrong passwords and the rate of the anonymous login lists.
 *
 * @param freeFailures wrong passwords for one login from one address before attempts are paused
 * @param initialDelay the first pause; each further failure doubles it
 * @param maxDelay the longest pause
 * @param addressFreeFailures wrong passwords from one address, whatever the logins, before the address is paused
 * @param forgetAfter failures older than this (counted from the last one) are forgotten
 * @param trackedKeys how many (login, address) pairs and addresses are remembered at most (per node)
 * @param directoryRequestsPerMinute requests to the anonymous login lists per client address and minute
 * @param directoryMaxResults the most entries one list request returns
 */
@ConfigurationProperties("msed.login")
public record LoginProperties(Integer freeFailures, Duration initialDelay, Duration maxDelay, Integer addressFreeFailures,
        Duration forgetAfter, Integer trackedKeys, Integer directoryRequestsPerMinute, Integer directoryMaxResults) {

    public LoginProperties {
        freeFailures = freeFailures == null ? 5 : freeFailures;
        initialDelay = initialDelay == null ? Duration.ofSeconds(1) : initialDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        addressFreeFailures = addressFreeFailures == null ? 50 : addressFreeFailures;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        trackedKeys = trackedKeys == null ? 100_000 : trackedKeys;
        directoryRequestsPerMinute = directoryRequestsPerMinute == null ? 120 : directoryRequestsPerMinute;
        directoryMaxResults = directoryMaxResults == null ? 20 : directoryMaxResults;
        if (freeFailures < 1 || addressFreeFailures < 1 || directoryRequestsPerMinute < 1 || directoryMaxResults < 1) {
            throw new IllegalArgumentException("msed.login: counts must be at least 1");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("msed.login: initial-delay must be positive and not above max-delay");
        }
        if (forgetAfter.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException("msed.login.forget-after must be longer than max-delay");
        }
    }

    /** The defaults (used by tests that build the throttle without Spring). */
    public static LoginProperties defaults() {
        return new LoginProperties(null, null, null, null, null, null, null, null);
    }
}
