package io.localdps.simulation;

import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.FleetRun;

import java.time.Instant;
import java.util.Map;

/**
 * One fleet run of this node: the settings it was started with, the engine's plan (kept so "Run
 * again" registers the very same devices) and the engine's live run. Held in memory only.
 */
public final class SimulationRun {

    private final long id;
    private final RunSettings settings;
    private final String description;
    private final FleetPlan plan;
    private final FleetRun fleet;
    private final Map<String, Double> predictedShares;

    SimulationRun(long id, RunSettings settings, String description, FleetPlan plan, FleetRun fleet,
                  Map<String, Double> predictedShares) {
        this.id = id;
        this.settings = settings;
        this.description = description;
        this.plan = plan;
        this.fleet = fleet;
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

    public Instant started() {
        return fleet.startedAt();
    }

    public boolean running() {
        return fleet.isRunning();
    }

    FleetPlan plan() {
        return plan;
    }

    FleetRun fleet() {
        return fleet;
    }

    Map<String, Double> predictedShares() {
        return predictedShares;
    }

    @Override
    public String toString() {
        return title();
    }
}
