package io.localdps.simulator;

import io.localdps.simulator.tpm.TpmIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Software TPMs are made on a small pool of their own, which gives up when the run is stopped. */
class TpmIdentitiesTest {

    @TempDir
    Path states;

    @Test
    void everyDeviceGetsItsTpmInPlanOrderOnABoundedPool() {
        FleetPlan plan = plan(4);

        List<TpmIdentity> identities = FleetSimulator.tpmIdentities(plan, 2, () -> false);

        assertThat(identities).extracting(TpmIdentity::registrationId).containsExactly("tpm-1", "tpm-2", "tpm-3", "tpm-4");
        assertThat(FleetSimulator.tpmIdentities(plan, 1, () -> false)).extracting(TpmIdentity::endorsementKey)
                .isEqualTo(identities.stream().map(TpmIdentity::endorsementKey).toList());
    }

    @Test
    void aStoppedPreparationMakesNoFurtherTpmAndSaysSo() throws Exception {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> FleetSimulator.tpmIdentities(plan(200), 2, () -> asked.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);

        try (Stream<Path> files = Files.list(states)) {
            assertThat(files.count()).isLessThan(10);
        }
    }

    private FleetPlan plan(int count) {
        return FleetPlan.builder(new DpsEndpoint("localhost", 8883, 443, "0ne00ABC123", Trust.all()), new Attestation.Tpm(states, false))
                .protocol(Protocol.HTTPS).count(count).idPattern("tpm-{n}").build();
    }
}
