package io.localdps.simulator;

import io.localdps.simulator.tpm.TpmIdentity;

import java.util.List;

/** Starts devices at their due times within the concurrency limit. */
final class FleetLauncher {

    private FleetLauncher() {
    }

    static void launch(FleetPlan plan, FleetRun run) {
        throw new UnsupportedOperationException("engine not written yet");
    }

    static List<TpmIdentity> tpmIdentities(FleetPlan plan, Attestation.Tpm tpm) {
        throw new UnsupportedOperationException("engine not written yet");
    }
}
