package io.localdps.simulation;

import io.localdps.simulator.DeviceOutcome;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetRun;
import io.localdps.simulator.LatencyHistogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the engine's live run into what the console shows. */
final class RunResults {

    /** The latency chart shows buckets up to 1 s even while every device is faster, so its scale stays readable. */
    private static final long MIN_SHOWN_MILLIS = 1_000;

    private RunResults() {
    }

    static RunProgress progress(SimulationRun run) {
        Optional<FleetRun> started = run.fleetNow();
        if (started.isEmpty()) {
            String failure = run.failure();
            return new RunProgress(run.settings().count(), 0, 0, 0, 0, 0, failure != null, run.stopRequested(), 0,
                    Map.of(), run.predictedShares(), List.of(), failure != null ? "Not started: " + failure : run.preparing());
        }
        FleetRun fleet = started.get();
        Map<String, Double> predictedShares = run.predictedShares();
        FleetProgress now = fleet.progress();
        Map<String, Integer> perHub = new LinkedHashMap<>();
        now.perHub().forEach((hub, devices) -> perHub.put(hub, Math.toIntExact(devices)));
        // Every device that finished neither assigned nor stopped did not get a hub: failed, disabled or error.
        int failed = now.failed() + now.disabled() + now.errors();
        return new RunProgress(now.total(), now.assigned(), failed, Math.toIntExact(now.throttled()), now.inFlight(),
                now.done(), !now.running(), fleet.isStopping(), now.elapsed().toMillis(), perHub, predictedShares,
                latency(now.latency()), null);
    }

    private static List<RunProgress.LatencyBucket> latency(List<LatencyHistogram.LatencyBucket> buckets) {
        int last = 0;
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).count() > 0 || buckets.get(i).fromMillis() < MIN_SHOWN_MILLIS) {
                last = i;
            }
        }
        List<RunProgress.LatencyBucket> shown = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            LatencyHistogram.LatencyBucket bucket = buckets.get(i);
            shown.add(new RunProgress.LatencyBucket(bucket.fromMillis(),
                    bucket.toMillis() == Long.MAX_VALUE ? -1 : bucket.toMillis(), Math.toIntExact(bucket.count())));
        }
        return shown;
    }

    /** Unfiltered: only the page is copied; filtered: through the run's incrementally kept index of matches. */
    static List<DeviceResult> page(SimulationRun run, FleetRun fleet, ResultFilter filter, int offset, int limit) {
        if (filter.isEmpty()) {
            return fleet.outcomes(offset, limit).stream().map(RunResults::result).toList();
        }
        return run.filteredResults().page(fleet, filter, offset, limit);
    }

    static int count(SimulationRun run, FleetRun fleet, ResultFilter filter) {
        if (filter.isEmpty()) {
            return fleet.outcomeCount();
        }
        return run.filteredResults().count(fleet, filter);
    }

    static DeviceResult result(DeviceOutcome outcome) {
        String error = outcome.error() == null ? null
                : outcome.errorCode() == 0 ? outcome.error() : outcome.errorCode() + ": " + outcome.error();
        return new DeviceResult(outcome.registrationId(), outcome.status().label(), outcome.substatus(),
                outcome.assignedHub(), outcome.deviceId(), outcome.attempts(), outcome.latencyMillis(), error);
    }
}
