package io.localdps.simulation;

import io.localdps.simulator.DeviceOutcome;
import io.localdps.simulator.FleetRun;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of a run's outcomes that match a results filter, kept per filter and brought up to
 * date incrementally: outcomes are only ever appended, so each grid poll reads just the devices that
 * finished since the last one, a chunk at a time, instead of copying every outcome under the engine's
 * lock (which would hold up the devices recording their ends).
 */
final class FilteredResults {

    /** Filters kept per run: a few viewers each with their own filter. */
    private static final int KEPT_FILTERS = 8;
    /** How many new outcomes are copied under the engine's lock at a time. */
    private static final int CHUNK = 2_048;

    private final Map<ResultFilter, Index> indexes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResultFilter, Index> eldest) {
            return size() > KEPT_FILTERS;
        }
    };

    /** The outcomes matching the filter at positions {@code offset .. offset + limit} of the matches. */
    List<DeviceResult> page(FleetRun fleet, ResultFilter filter, int offset, int limit) {
        int[] positions;
        synchronized (this) {
            Index index = update(fleet, filter);
            int from = Math.min(Math.max(0, offset), index.size);
            int to = Math.min(index.size, from + Math.max(0, limit));
            positions = Arrays.copyOfRange(index.positions, from, to);
        }
        return fleet.outcomesAt(positions).stream().map(RunResults::result).toList();
    }

    /** How many outcomes match the filter. */
    synchronized int count(FleetRun fleet, ResultFilter filter) {
        return update(fleet, filter).size;
    }

    /** Forgets every index (the run's outcomes were dropped). */
    synchronized void clear() {
        indexes.clear();
    }

    private Index update(FleetRun fleet, ResultFilter filter) {
        Index index = indexes.computeIfAbsent(filter, ignored -> new Index());
        int total = fleet.outcomeCount();
        while (index.scanned < total) {
            List<DeviceOutcome> chunk = fleet.outcomes(index.scanned, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (DeviceOutcome outcome : chunk) {
                if (filter.matches(RunResults.result(outcome))) {
                    index.add(index.scanned);
                }
                index.scanned++;
            }
        }
        return index;
    }

    /** Matching positions, in order, and how far the outcomes were read. */
    private static final class Index {
        private int[] positions = new int[64];
        private int size;
        private int scanned;

        void add(int position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }
    }
}
