package io.localdps.simulator;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One running (or finished) fleet: live progress, the outcomes so far, stop, and a completion
 * future. Thread-safe; every method may be called from any thread (e.g. a UI poll). Start one with
 * {@link FleetSimulator#start(FleetPlan)}.
 */
public final class FleetRun {

    private final FleetPlan plan;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger[] perStatus = new AtomicInteger[DeviceStatus.values().length];
    private final LongAdder throttled = new LongAdder();
    private final Map<String, LongAdder> perHub = new ConcurrentHashMap<>();
    private final LatencyHistogram allLatencies = new LatencyHistogram();
    private final LatencyHistogram assignedLatencies = new LatencyHistogram();
    /** Guarded by itself; replaced by an empty list when the outcomes are forgotten, so their memory is freed. */
    private final Object outcomesLock = new Object();
    private List<DeviceOutcome> outcomes;
    private boolean outcomesForgotten;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<FleetProgress> completion = new CompletableFuture<>();
    private volatile long finishedNanos = -1;

    FleetRun(FleetPlan plan) {
        this.plan = plan;
        this.outcomes = new ArrayList<>(Math.min(plan.count(), 16_384));
        for (int i = 0; i < perStatus.length; i++) {
            perStatus[i] = new AtomicInteger();
        }
    }

    /** The plan this run executes. */
    public FleetPlan plan() {
        return plan;
    }

    /** When the run started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** A snapshot of the counters now. */
    public FleetProgress progress() {
        int done = 0;
        for (AtomicInteger count : perStatus) {
            done += count.get();
        }
        int startedNow = started.get();
        int stoppedNow = perStatus[DeviceStatus.STOPPED.ordinal()].get();
        long end = finishedNanos >= 0 ? finishedNanos : System.nanoTime();
        Duration elapsed = Duration.ofNanos(end - startNanos);
        int assigned = perStatus[DeviceStatus.ASSIGNED.ordinal()].get();
        Map<String, Long> hubs = new TreeMap<>();
        perHub.forEach((hub, count) -> hubs.put(hub, count.sum()));
        double seconds = elapsed.toNanos() / 1e9;
        return new FleetProgress(plan.count(), startedNow, inFlight.get(), done, assigned, perStatus[DeviceStatus.FAILED.ordinal()].get(), perStatus[DeviceStatus.DISABLED.ordinal()].get(),
                perStatus[DeviceStatus.ERROR.ordinal()].get(), stoppedNow, throttled.sum(), Collections.unmodifiableMap(hubs),
                allLatencies.buckets(), assignedLatencies.percentile(50), assignedLatencies.percentile(95),
                assignedLatencies.percentile(99), elapsed, seconds > 0 ? assigned / seconds : 0, finishedNanos < 0);
    }

    /** Outcomes recorded so far, in the order the devices finished (a copy). */
    public List<DeviceOutcome> outcomes() {
        synchronized (outcomesLock) {
            return List.copyOf(outcomes);
        }
    }

    /** A page of {@link #outcomes()} (for lazy grids): copies only the page. */
    public List<DeviceOutcome> outcomes(int offset, int limit) {
        synchronized (outcomesLock) {
            int from = Math.min(Math.max(0, offset), outcomes.size());
            int to = Math.min(outcomes.size(), from + Math.max(0, limit));
            return List.copyOf(outcomes.subList(from, to));
        }
    }

    /** The outcomes at these positions of {@link #outcomes()} (positions past the end are left out). */
    public List<DeviceOutcome> outcomesAt(int[] positions) {
        List<DeviceOutcome> found = new ArrayList<>(positions.length);
        synchronized (outcomesLock) {
            for (int position : positions) {
                if (position >= 0 && position < outcomes.size()) {
                    found.add(outcomes.get(position));
                }
            }
        }
        return found;
    }

    /** How many outcomes are recorded. */
    public int outcomeCount() {
        synchronized (outcomesLock) {
            return outcomes.size();
        }
    }

    /**
     * Drops the per-device outcomes (and any still to come) to free their memory; the counters,
     * per-hub figures and latencies of {@link #progress()} stay. For a finished run nobody looks into any more.
     */
    public void forgetOutcomes() {
        synchronized (outcomesLock) {
            outcomesForgotten = true;
            outcomes = List.of();
        }
    }

    /** True once {@link #forgetOutcomes()} dropped the outcomes. */
    public boolean outcomesForgotten() {
        synchronized (outcomesLock) {
            return outcomesForgotten;
        }
    }

    /**
     * Stops the run: no further device starts (those not started end {@code stopped}); devices in
     * flight finish their current registration (their operation is already on the server) but do
     * not retry after throttling; a device still unfinished after its timeout ends {@code stopped}.
     * Returns at once; wait with {@link #completion()}.
     */
    public void stop() {
        stopping.set(true);
    }

    /** True once {@link #stop()} was called. */
    public boolean isStopping() {
        return stopping.get();
    }

    /** True until every device is done. */
    public boolean isRunning() {
        return !completion.isDone();
    }

    /** Completes with the final progress once every device is done (normally or after stop). */
    public CompletableFuture<FleetProgress> completion() {
        return completion.copy();
    }

    /** Writes {@link DeviceOutcome#CSV_HEADER} and every outcome recorded so far. */
    public void writeCsv(Writer out) throws IOException {
        out.write(DeviceOutcome.CSV_HEADER + "\r\n");
        for (DeviceOutcome outcome : outcomes()) {
            outcome.writeCsv(out);
        }
        out.flush();
    }

    // ---- recording, called by the engine ----

    void deviceStarted() {
        started.incrementAndGet();
        inFlight.incrementAndGet();
    }

    void throttled() {
        throttled.increment();
    }

    /** Records a device's end; {@code wasStarted} is false for devices stopped before they started. */
    void record(DeviceOutcome outcome, boolean wasStarted) {
        synchronized (outcomesLock) {
            if (!outcomesForgotten) {
                outcomes.add(outcome);
            }
        }
        if (outcome.status() == DeviceStatus.ASSIGNED) {
            perHub.computeIfAbsent(outcome.assignedHub() == null ? "?" : outcome.assignedHub(), hub -> new LongAdder()).increment();
            assignedLatencies.record(outcome.latencyMillis());
        }
        if (outcome.latencyMillis() >= 0) {
            allLatencies.record(outcome.latencyMillis());
        }
        perStatus[outcome.status().ordinal()].incrementAndGet();
        if (wasStarted) {
            inFlight.decrementAndGet();
        }
    }

    void finish() {
        finishedNanos = System.nanoTime();
        completion.complete(progress());
    }
}
