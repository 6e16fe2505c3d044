package io.localdps.registration;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationThrottleTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void withoutALimitEveryCallIsAdmitted() {
        RegistrationThrottle throttle = new RegistrationThrottle(0, clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttle.admit()).isZero();
        }
    }

    @Test
    void aMinutesAllowanceIsAdmittedThenCallsWaitForTheSteadyRate() {
        RegistrationThrottle throttle = new RegistrationThrottle(60, clock);
        for (int i = 0; i < 60; i++) {
            assertThat(throttle.admit()).as("call %d", i).isZero();
        }
        assertThat(throttle.admit()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.admit()).isZero();
        assertThat(throttle.admit()).isPositive();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
