package io.localdps.simulator;

import io.localdps.simulator.tpm.TpmIdentity;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Entry point of the simulated device fleet: starts runs, and gives the identities of software-TPM
 * devices so their enrollments can be created before a run.
 *
 * <pre>{@code
 * FleetRun run = FleetSimulator.start(plan);
 * FleetProgress now = run.progress();          // poll as often as you like
 * run.stop();                                  // optional
 * FleetProgress last = run.completion().join();
 * run.writeCsv(writer);
 * }</pre>
 */
public final class FleetSimulator {

    private FleetSimulator() {
    }

    /**
     * Starts the fleet in the background and returns at once. Devices run asynchronously: only
     * devices in flight (at most {@link FleetPlan#concurrency()}) hold a connection.
     */
    public static FleetRun start(FleetPlan plan) {
        FleetRun run = new FleetRun(plan);
        FleetLauncher.launch(plan, run);
        return run;
    }

    /**
     * The registration ID and endorsement key of every device of a TPM plan, creating (and
     * persisting) each device's TPM state on first use; a later call or run with the same state
     * directory gives the same keys. Creating an RSA-2048 EK and SRK takes some 50–200 ms per new device.
     *
     * @throws IllegalArgumentException if the plan's attestation is not {@link Attestation.Tpm}
     */
    public static List<TpmIdentity> tpmIdentities(FleetPlan plan) {
        return tpmIdentities(plan, Runtime.getRuntime().availableProcessors(), () -> false);
    }

    /**
     * As {@link #tpmIdentities(FleetPlan)}, making the keys on a pool of its own of at most
     * {@code threads} threads (so a server keeps its other cores), and giving up as soon as
     * {@code stopped} says so: the pool ends and {@link java.util.concurrent.CancellationException} is thrown.
     */
    public static List<TpmIdentity> tpmIdentities(FleetPlan plan, int threads, BooleanSupplier stopped) {
        if (!(plan.attestation() instanceof Attestation.Tpm tpm)) {
            throw new IllegalArgumentException("the plan's devices have no TPM");
        }
        return FleetLauncher.tpmIdentities(plan, tpm, threads, stopped);
    }
}
