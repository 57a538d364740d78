package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: allowance, doubling pauses, cap, addresses. */
class LoginThrottleTest {

    final MovableClock clock = new MovableClock();
    final List<String> events = new ArrayList<>();
    final LoginThrottle throttle = new LoginThrottle(LoginProperties.defaults(), clock, new LoginEvents(null, null, null) {
        @Override
        void failed(String login, String address, String channel, int failures, Duration pause, int refusedMeanwhile) {
            events.add("failed " + login + " " + address + " " + failures + " " + pause.toSeconds() + " " + refusedMeanwhile);
        }

        @Override
        void refused(String login, String address, String channel, Duration left) {
            events.add("refused " + login + " " + address);
        }
    });

    @Test
    void fiveWrongPasswordsPauseOneSecondThenTheDelayDoublesUpToFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("registrar", "10.0.0.1", "test");
            assertThat(throttle.pausedFor("registrar", "10.0.0.1")).isEmpty();
        }
        throttle.failed("registrar", "10.0.0.1", "test");
        assertThat(throttle.pausedFor("registrar", "10.0.0.1")).contains(Duration.ofSeconds(1));

        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock.advance(throttle.pausedFor("registrar", "10.0.0.1").orElseThrow());
            assertThat(throttle.pausedFor("registrar", "10.0.0.1")).isEmpty();
            throttle.failed("registrar", "10.0.0.1", "test");
            pauses.add(throttle.pausedFor("registrar", "10.0.0.1").orElseThrow().toSeconds());
        }
        assertThat(pauses).containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L);
    }

    @Test
    void theSameLoginFromAnotherAddressIsNotPausedAndTheRightPasswordClearsThePair() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("manager", "10.0.0.1", "test");
        }
        assertThat(throttle.pausedFor("manager", "10.0.0.1")).isPresent();
        assertThat(throttle.pausedFor("manager", "10.0.0.2")).isEmpty();
        assertThat(throttle.pausedFor("MANAGER ", "10.0.0.1")).as("login names compared as the engine stores them")
                .isPresent();

        clock.advance(Duration.ofSeconds(1));
        throttle.succeeded("manager", "10.0.0.1");
        throttle.failed("manager", "10.0.0.1", "test");
        assertThat(throttle.pausedFor("manager", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressGuessingManyLoginsIsPausedAfterFiftyFailures() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("user" + i, "10.0.0.9", "test");
        }
        assertThat(throttle.pausedFor("someone-else", "10.0.0.9")).isEmpty();
        throttle.failed("user49", "10.0.0.9", "test");
        assertThat(throttle.pausedFor("someone-else", "10.0.0.9")).contains(Duration.ofSeconds(1));
        assertThat(throttle.pausedFor("someone-else", "10.0.0.10")).isEmpty();
    }

    @Test
    void aFloodDuringAPauseIsRecordedOnceAndCountedInTheNextFailure() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1", "test");
        }
        events.clear();
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.refuseIfPaused("admin", "10.0.0.1", "test")).isPresent();
        }
        assertThat(events).containsExactly("refused admin 10.0.0.1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refuseIfPaused("admin", "10.0.0.1", "test")).isEmpty();
        throttle.failed("admin", "10.0.0.1", "test");
        assertThat(events).last().isEqualTo("failed admin 10.0.0.1 6 2 999");
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("executor1", "10.0.0.1", "test");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("executor1", "10.0.0.1", "test");
        assertThat(throttle.pausedFor("executor1", "10.0.0.1")).isEmpty();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
