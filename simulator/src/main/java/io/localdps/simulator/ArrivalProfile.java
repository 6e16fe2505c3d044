package io.localdps.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When each device of a fleet starts, relative to the start of the run. The concurrency limit of
 * the plan still applies: a device whose time has come waits for a free slot.
 *
 * @param shape         all at once, a steady rate, or a linear ramp up to the rate
 * @param ratePerSecond devices started per second (STEADY; RAMP once the ramp is over); ignored for ALL
 * @param ramp          how long the ramp from 0 to {@code ratePerSecond} lasts (RAMP only)
 * @param jitter        each start is shifted by a random amount in [0, jitter)
 */
public record ArrivalProfile(Shape shape, double ratePerSecond, Duration ramp, Duration jitter) {

    /** The arrival shapes ({@code --arrival all|steady|ramp}). */
    public enum Shape {
        ALL, STEADY, RAMP;

        public static Shape of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public ArrivalProfile {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(ramp, "ramp");
        Objects.requireNonNull(jitter, "jitter");
        if (shape != Shape.ALL && !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("a steady or ramped arrival needs a rate above 0 devices/s");
        }
        if (shape == Shape.RAMP && ramp.isZero()) {
            throw new IllegalArgumentException("a ramp needs a duration above 0");
        }
        if (ramp.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Every device as soon as a concurrency slot is free. */
    public static ArrivalProfile allAtOnce() {
        return new ArrivalProfile(Shape.ALL, 0, Duration.ZERO, Duration.ZERO);
    }

    /** {@code ratePerSecond} devices per second from the start. */
    public static ArrivalProfile steady(double ratePerSecond) {
        return new ArrivalProfile(Shape.STEADY, ratePerSecond, Duration.ZERO, Duration.ZERO);
    }

    /** The rate grows linearly from 0 to {@code ratePerSecond} over {@code ramp}, then stays. */
    public static ArrivalProfile ramp(double ratePerSecond, Duration ramp) {
        return new ArrivalProfile(Shape.RAMP, ratePerSecond, ramp, Duration.ZERO);
    }

    /** The same profile with a random delay in [0, jitter) added to each start. */
    public ArrivalProfile withJitter(Duration jitter) {
        return new ArrivalProfile(shape, ratePerSecond, ramp, jitter);
    }

    /**
     * When the device with this 0-based position in the fleet is due, in nanoseconds after the
     * start, before jitter. Starts are evenly spaced at the (possibly ramping) rate: during a ramp
     * of length R to rate r, k devices have started by {@code t = sqrt(2kR/r)}.
     */
    public long dueNanos(long position) {
        return switch (shape) {
            case ALL -> 0;
            case STEADY -> (long) (position / ratePerSecond * 1e9);
            case RAMP -> {
                double rampSeconds = ramp.toNanos() / 1e9;
                double startedDuringRamp = ratePerSecond * rampSeconds / 2;
                double seconds = position < startedDuringRamp
                        ? Math.sqrt(2 * position * rampSeconds / ratePerSecond)
                        : rampSeconds + (position - startedDuringRamp) / ratePerSecond;
                yield (long) (seconds * 1e9);
            }
        };
    }

    /** {@link #dueNanos(long)} plus this device's random jitter. */
    public long dueNanos(long position, RandomGenerator random) {
        long jitterNanos = jitter.toNanos();
        return dueNanos(position) + (jitterNanos > 0 ? random.nextLong(jitterNanos) : 0);
    }
}
