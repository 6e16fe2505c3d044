package io.localdps.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** When each device of a fleet is due. */
class ArrivalProfileTest {

    private static final double NANOS = 1e9;

    @Test
    void allAtOnceMakesEveryDeviceDueAtTheStart() {
        assertThat(ArrivalProfile.allAtOnce().dueNanos(0)).isZero();
        assertThat(ArrivalProfile.allAtOnce().dueNanos(99_999)).isZero();
    }

    @Test
    void aSteadyRateSpacesDevicesEvenly() {
        ArrivalProfile profile = ArrivalProfile.steady(200);

        assertThat(profile.dueNanos(0)).isZero();
        assertThat(profile.dueNanos(1) / NANOS).isCloseTo(0.005, within(1e-9));
        assertThat(profile.dueNanos(1000) / NANOS).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aRampStartsHalfAsManyDevicesAsTheFullRateWouldAndThenHoldsTheRate() {
        ArrivalProfile profile = ArrivalProfile.ramp(100, Duration.ofSeconds(10));

        // over the 10 s ramp to 100/s, 500 devices start; at a quarter of that the time is half the ramp
        assertThat(profile.dueNanos(125) / NANOS).isCloseTo(5.0, within(1e-6));
        assertThat(profile.dueNanos(500) / NANOS).isCloseTo(10.0, within(1e-6));
        assertThat(profile.dueNanos(600) / NANOS).isCloseTo(11.0, within(1e-6));
        assertThat(profile.dueNanos(1) / NANOS).isCloseTo(Math.sqrt(0.2), within(1e-6));
    }

    @Test
    void jitterDelaysEachDeviceByLessThanTheJitter() {
        ArrivalProfile profile = ArrivalProfile.steady(10).withJitter(Duration.ofMillis(500));
        SplittableRandom random = new SplittableRandom(7);

        for (int position = 0; position < 1000; position++) {
            long delay = profile.dueNanos(position, random) - profile.dueNanos(position);
            assertThat(delay).isBetween(0L, Duration.ofMillis(500).toNanos() - 1);
        }
    }

    @Test
    void aSteadyOrRampedProfileNeedsARate() {
        assertThatThrownBy(() -> ArrivalProfile.steady(0)).hasMessageContaining("rate above 0");
        assertThatThrownBy(() -> ArrivalProfile.ramp(10, Duration.ZERO)).hasMessageContaining("ramp needs a duration");
    }
}
