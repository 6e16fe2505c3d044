package io.localdps.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe latency histogram with log-scaled buckets (each about 5% wide, up to 10 minutes),
 * so recording is one atomic increment and a percentile is read from at most ~280 counters
 * with an error below 5%. {@link #buckets()} folds them into a few display buckets.
 */
public final class LatencyHistogram {

    private static final double GROWTH = 1.05;
    private static final long MAX_MILLIS = 600_000;
    /** Display bucket upper bounds, milliseconds (the last bucket is open-ended). */
    private static final long[] DISPLAY_BOUNDS = {10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000};

    private final long[] upperBounds;
    private final AtomicLongArray counts;

    public LatencyHistogram() {
        TreeSet<Long> bounds = new TreeSet<>();
        double bound = 1;
        long last = 0;
        while (last < MAX_MILLIS) {
            last = Math.max(last + 1, (long) Math.ceil(bound));
            bounds.add(last);
            bound *= GROWTH;
        }
        // the display bounds are fine bounds too, so every fine bucket lies inside one display bucket
        for (long display : DISPLAY_BOUNDS) {
            bounds.add(display);
        }
        bounds.add(Long.MAX_VALUE);
        upperBounds = bounds.stream().mapToLong(Long::longValue).toArray();
        counts = new AtomicLongArray(upperBounds.length);
    }

    /** Counts one latency (negative values count as 0). */
    public void record(long millis) {
        counts.incrementAndGet(indexOf(Math.max(0, millis)));
    }

    /** How many latencies were recorded. */
    public long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The latency below which {@code percent} % of the recorded ones are (the upper bound of the
     * bucket that holds that rank), or 0 when nothing was recorded.
     */
    public long percentile(double percent) {
        long[] snapshot = snapshot();
        long total = 0;
        for (long c : snapshot) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * total));
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBounds[i] == Long.MAX_VALUE ? MAX_MILLIS : upperBounds[i];
            }
        }
        return MAX_MILLIS;
    }

    /** The counts folded into display buckets: &lt;10 ms, 10–20, 20–50, ..., 30–60 s, ≥60 s. */
    public List<LatencyBucket> buckets() {
        long[] snapshot = snapshot();
        long[] folded = new long[DISPLAY_BOUNDS.length + 1];
        for (int i = 0; i < snapshot.length; i++) {
            // a fine bucket holds values up to its upper bound; it belongs to the display bucket containing that bound
            long value = upperBounds[i] == Long.MAX_VALUE ? Long.MAX_VALUE : upperBounds[i] - 1;
            int display = 0;
            while (display < DISPLAY_BOUNDS.length && value >= DISPLAY_BOUNDS[display]) {
                display++;
            }
            folded[display] += snapshot[i];
        }
        List<LatencyBucket> buckets = new ArrayList<>(folded.length);
        for (int i = 0; i < folded.length; i++) {
            long from = i == 0 ? 0 : DISPLAY_BOUNDS[i - 1];
            long to = i < DISPLAY_BOUNDS.length ? DISPLAY_BOUNDS[i] : Long.MAX_VALUE;
            buckets.add(new LatencyBucket(from, to, folded[i]));
        }
        return List.copyOf(buckets);
    }

    private long[] snapshot() {
        long[] snapshot = new long[counts.length()];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = counts.get(i);
        }
        return snapshot;
    }

    /** The first bucket whose upper bound is above {@code millis} (bucket i holds [bound(i-1), bound(i))). */
    private int indexOf(long millis) {
        int low = 0;
        int high = upperBounds.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (upperBounds[middle] > millis) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /**
     * One display bucket of the latency chart.
     *
     * @param fromMillis inclusive lower bound
     * @param toMillis   exclusive upper bound ({@link Long#MAX_VALUE} for the last, open bucket)
     * @param count      devices whose latency fell into it
     */
    public record LatencyBucket(long fromMillis, long toMillis, long count) {

        /** A short label such as {@code 50–100 ms} or {@code ≥ 60 s}. */
        public String label() {
            if (toMillis == Long.MAX_VALUE) {
                return "≥ " + human(fromMillis);
            }
            return fromMillis == 0 ? "< " + human(toMillis) : human(fromMillis) + "–" + human(toMillis);
        }

        private static String human(long millis) {
            return millis >= 1000 ? millis / 1000 + " s" : millis + " ms";
        }
    }
}
