package io.localdps.common;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts events per wall-clock minute over a sliding window, in memory: a ring of one slot per
 * minute, each slot remembering which minute it counts so that a slot left over from an earlier
 * round reads as zero. Lock-free and allocation-free on {@link #increment()}, so it can sit on a
 * request path. Per node: it sees only what this JVM counted.
 */
public final class MinuteBuckets {

    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    private final int minutes;
    private final AtomicLongArray counts;
    private final AtomicLongArray minuteOfSlot;

    /** @param minutes how many minutes, the current one included, {@link #lastMinutes()} reports */
    public MinuteBuckets(Clock clock, int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be positive, was " + minutes);
        }
        this.clock = clock;
        this.minutes = minutes;
        this.counts = new AtomicLongArray(minutes);
        this.minuteOfSlot = new AtomicLongArray(minutes);
        for (int slot = 0; slot < minutes; slot++) {
            minuteOfSlot.set(slot, Long.MIN_VALUE);
        }
    }

    public void increment() {
        long minute = Math.floorDiv(clock.millis(), MINUTE_MILLIS);
        int slot = slot(minute);
        long owner = minuteOfSlot.get(slot);
        if (owner != minute) {
            // A slot last used a round ago is taken over; if two threads race here, one reset wins and
            // at most the other's single count is lost, which a per-minute chart can afford.
            if (owner < minute && minuteOfSlot.compareAndSet(slot, owner, minute)) {
                counts.set(slot, 0);
            } else if (minuteOfSlot.get(slot) != minute) {
                return; // a late event for a minute already out of the window
            }
        }
        counts.incrementAndGet(slot);
    }

    /** The counts of the last {@code minutes} minutes, oldest first; the last element is the current, still running minute. */
    public long[] lastMinutes() {
        long current = Math.floorDiv(clock.millis(), MINUTE_MILLIS);
        long[] result = new long[minutes];
        for (int i = 0; i < minutes; i++) {
            long minute = current - (minutes - 1 - i);
            int slot = slot(minute);
            result[i] = minuteOfSlot.get(slot) == minute ? counts.get(slot) : 0;
        }
        return result;
    }

    private int slot(long minute) {
        return (int) Math.floorMod(minute, (long) minutes);
    }
}
