package io.localdps.registration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket's arithmetic; that one bucket serves every node is shown by ClusterLimitsTest. */
class RegistrationThrottleTest {

    private static final long START = 1_000_000_000_000L;

    private RegistrationThrottle.Bucket bucket = new RegistrationThrottle.Bucket(1.0E15, 0);
    private long now = START;

    @Test
    void aFreshBucketAdmitsAMinutesAllowanceThenCallsWaitForTheSteadyRate() {
        for (int i = 0; i < 60; i++) {
            assertThat(admit(60)).as("call %d", i).isZero();
        }
        assertThat(admit(60)).isEqualTo(1);
        now += Duration.ofSeconds(1).toNanos();
        assertThat(admit(60)).isZero();
        assertThat(admit(60)).isPositive();
    }

    @Test
    void aNodeWhoseClockIsBehindTheLastRefillNeitherRefillsNorMovesItBack() {
        for (int i = 0; i < 60; i++) {
            admit(60);
        }
        now -= Duration.ofSeconds(5).toNanos();

        assertThat(admit(60)).isPositive();
        assertThat(bucket.refilledNanos()).isEqualTo(START);
    }

    @Test
    void theWaitIsTheTimeUntilTheNextToken() {
        for (int i = 0; i < 6; i++) {
            admit(6);
        }
        assertThat(admit(6)).isEqualTo(10);
    }

    private int admit(int perMinute) {
        RegistrationThrottle.Taken taken = RegistrationThrottle.take(bucket, now, perMinute);
        bucket = taken.bucket();
        return taken.waitSeconds();
    }
}
