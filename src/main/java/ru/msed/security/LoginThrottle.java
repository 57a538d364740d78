package ru.msed.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Brute force without lockout: after {@code free-failures} wrong passwords for one login from one
 * client address, that pair is paused for {@code initial-delay}, doubling with every further failure
 * up to {@code max-delay}; the same login from another address is not affected, so nobody can lock
 * anybody else out. An address that fails {@code address-free-failures} times whatever the logins
 * (guessing many logins) is paused the same way. A right password clears its pair (not the address).
 * Counters live in this node's memory, bounded in number, and are forgotten {@code forget-after} the
 * last failure; with several nodes each counts its own requests (README).
 */
@Component
public class LoginThrottle {

    private final LoginProperties properties;
    private final Clock clock;
    private final LoginEvents events;
    private final Cache<String, Counter> byLogin;
    private final Cache<String, Counter> byAddress;

    @Autowired
    LoginThrottle(LoginProperties properties, Clock clock, LoginEvents events) {
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.byLogin = cache(properties, clock);
        this.byAddress = cache(properties, clock);
    }

    private static Cache<String, Counter> cache(LoginProperties properties, Clock clock) {
        return Caffeine.newBuilder().maximumSize(properties.trackedKeys()).expireAfterWrite(properties.forgetAfter())
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** How long attempts for this login from this address are still paused, if they are. */
    public Optional<Duration> pausedFor(String login, String address) {
        long now = clock.millis();
        long until = Math.max(blockedUntil(byLogin.getIfPresent(key(login, address))),
                blockedUntil(byAddress.getIfPresent(address(address))));
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    /**
     * Checks the pause first: if paused, records the refusal (the password is not checked) and
     * answers how long is left. One log line and one audit row per pause, however many attempts a
     * flood makes in it; the number of the others goes into the next failure's row.
     */
    public Optional<Duration> refuseIfPaused(String login, String address, String channel) {
        long now = clock.millis();
        Counter pair = byLogin.getIfPresent(key(login, address));
        Counter addressCounter = byAddress.getIfPresent(address(address));
        long pairUntil = blockedUntil(pair);
        long addressUntil = blockedUntil(addressCounter);
        long until = Math.max(pairUntil, addressUntil);
        if (until <= now) {
            return Optional.empty();
        }
        Counter source = pairUntil >= addressUntil ? pair : addressCounter;
        boolean first;
        synchronized (source) {
            first = source.reportedUntil != until;
            source.reportedUntil = until;
            if (!first) {
                source.unreportedRefusals++;
            }
        }
        Duration left = Duration.ofMillis(until - now);
        if (first) {
            events.refused(normalized(login), address, channel, left);
        }
        return Optional.of(left);
    }

    /** A wrong password (or a refused password check): counts and, past the allowance, pauses. */
    public void failed(String login, String address, String channel) {
        long now = clock.millis();
        int[] unreported = new int[1];
        Counter pair = byLogin.asMap().compute(key(login, address), (k, c) -> {
            Counter counter = c == null ? new Counter() : c;
            synchronized (counter) {
                counter.failures++;
                counter.pauseIfPast(properties.freeFailures(), now, properties);
                unreported[0] = counter.unreportedRefusals;
                counter.unreportedRefusals = 0;
            }
            return counter;
        });
        Counter addressCounter = byAddress.asMap().compute(address(address), (k, c) -> {
            Counter counter = c == null ? new Counter() : c;
            synchronized (counter) {
                counter.failures++;
                counter.pauseIfPast(properties.addressFreeFailures(), now, properties);
                unreported[0] += counter.unreportedRefusals;
                counter.unreportedRefusals = 0;
            }
            return counter;
        });
        long until = Math.max(pair.blockedUntil, addressCounter.blockedUntil);
        events.failed(normalized(login), address, channel, pair.failures,
                until > now ? Duration.ofMillis(until - now) : Duration.ZERO, unreported[0]);
    }

    /** The right password: this login from this address starts afresh. */
    public void succeeded(String login, String address) {
        byLogin.invalidate(key(login, address));
    }

    /** The pause after the given number of failures past the allowance (0 = the first pause). */
    static Duration delay(int pastAllowance, LoginProperties properties) {
        long initial = properties.initialDelay().toMillis();
        long max = properties.maxDelay().toMillis();
        long delay = pastAllowance >= 62 ? max : initial << Math.min(pastAllowance, 62);
        return Duration.ofMillis(delay <= 0 || delay > max ? max : delay);
    }

    private static long blockedUntil(Counter counter) {
        if (counter == null) {
            return 0;
        }
        synchronized (counter) {
            return counter.blockedUntil;
        }
    }

    private static String key(String login, String address) {
        return normalized(login) + '\u0000' + address(address);
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }

    static String normalized(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Counter {
        int failures;
        long blockedUntil;
        long reportedUntil;
        int unreportedRefusals;

        void pauseIfPast(int allowance, long now, LoginProperties properties) {
            if (failures >= allowance) {
                blockedUntil = now + delay(failures - allowance, properties).toMillis();
            }
        }
    }
}
