package io.localdps.simulation;

import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetRun;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One fleet run of this node: the settings it was started with, the engine's plan (kept so "Run
 * again" registers the very same devices) and the engine's run, which exists once the run's
 * preparation (creating individual enrollments, which can take minutes for a large fleet) is done.
 * Held in memory only.
 */
public final class SimulationRun {

    private final long id;
    private final RunSettings settings;
    private final String description;
    private final FleetPlan plan;
    private final Map<String, Double> predictedShares;
    private final Instant created = Instant.now();
    private final CompletableFuture<FleetRun> fleet = new CompletableFuture<>();
    private final FilteredResults filteredResults = new FilteredResults();
    private volatile String preparing;
    private volatile boolean stopRequested;

    SimulationRun(long id, RunSettings settings, String description, FleetPlan plan, Map<String, Double> predictedShares) {
        this.id = id;
        this.settings = settings;
        this.description = description;
        this.plan = plan;
        this.predictedShares = Map.copyOf(predictedShares);
    }

    public long id() {
        return id;
    }

    public RunSettings settings() {
        return settings;
    }

    /** E.g. "Run 3 · 100 devices · Group sensors (symmetric key)". */
    public String title() {
        return "Run " + id + " · " + String.format("%,d", settings.count()) + (settings.count() == 1 ? " device" : " devices")
                + " · " + settings.target().label();
    }

    /** Protocol, arrival and start time, for the run's heading. */
    public String description() {
        return description;
    }

    public Instant created() {
        return created;
    }

    /** True until every device finished, or the preparation failed. */
    public boolean running() {
        return !fleet.isDone() || fleetNow().map(FleetRun::isRunning).orElse(false);
    }

    FleetPlan plan() {
        return plan;
    }

    Map<String, Double> predictedShares() {
        return predictedShares;
    }

    /** The engine's run, once the preparation is over and it started. */
    Optional<FleetRun> fleetNow() {
        return fleet.isDone() && !fleet.isCompletedExceptionally() ? Optional.of(fleet.join()) : Optional.empty();
    }

    FilteredResults filteredResults() {
        return filteredResults;
    }

    /** Keeps the run's counters and drops its per-device outcomes (an older run: their memory goes back). */
    void forgetOutcomes() {
        fleetNow().ifPresent(FleetRun::forgetOutcomes);
        filteredResults.clear();
    }

    /** True when the per-device outcomes were dropped to free memory (the counters stay). */
    public boolean outcomesForgotten() {
        return fleetNow().map(FleetRun::outcomesForgotten).orElse(false);
    }

    /** What the preparation is doing now, or null when it is not preparing. */
    String preparing() {
        return fleet.isDone() ? null : preparing;
    }

    /** Why the preparation failed, or null. */
    String failure() {
        if (!fleet.isCompletedExceptionally()) {
            return null;
        }
        try {
            fleet.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        }
    }

    /** Completes with the final counters once every device is done; exceptionally when the preparation failed. */
    CompletableFuture<FleetProgress> completion() {
        return fleet.thenCompose(FleetRun::completion);
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void preparing(String what) {
        preparing = what;
    }

    synchronized void started(FleetRun run) {
        if (stopRequested) {
            run.stop();
        }
        fleet.complete(run);
    }

    void failed(Throwable why) {
        fleet.completeExceptionally(why);
    }

    /** Stops the devices, or, while preparing, makes every device end stopped as soon as the fleet exists. */
    synchronized void stop() {
        stopRequested = true;
        fleetNow().ifPresent(FleetRun::stop);
    }

    @Override
    public String toString() {
        return title();
    }
}
