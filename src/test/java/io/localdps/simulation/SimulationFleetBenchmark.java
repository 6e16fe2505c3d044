package io.localdps.simulation;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.simulator.FleetProgress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the console's Simulator page does for a trainer: a symmetric-key group over three weighted
 * hubs and a fleet of {@code bench.devices} (default 1,000) started through {@link SimulationService}
 * against this in-process instance. Prints the spread against the weights, registrations per
 * second and latency; never fails on timing. Run alone:
 * {@code ./mvnw -B -q test -DexcludedTestGroups= -Dtest=SimulationFleetBenchmark -Dbench.devices=1000}
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:simulation-benchmark;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "dps.admin.password=simulation-benchmark-password-1",
        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"
})
@org.springframework.test.context.bean.override.mockito.MockitoBean(types = org.springframework.security.web.SecurityFilterChain.class)
class SimulationFleetBenchmark {

    @Autowired
    SimulationService simulations;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    LinkedHubService hubs;

    @Test
    void aThousandDeviceFleetFromTheConsoleSpreadsByTheHubWeights() throws Exception {
        int devices = Integer.getInteger("bench.devices", 1000);
        int concurrency = Integer.getInteger("bench.concurrency", 200);
        hubs.link("bench-a.azure-devices.net", new LinkedHubSettings(1, true, null));
        hubs.link("bench-b.azure-devices.net", new LinkedHubSettings(2, true, null));
        hubs.link("bench-c.azure-devices.net", new LinkedHubSettings(1, true, null));
        groups.create("bench-fleet", Attestation.symmetricKey(null, null), new EnrollmentSettings(null, null, null,
                TargetHubs.of("bench-a.azure-devices.net", "bench-b.azure-devices.net", "bench-c.azure-devices.net"),
                null, false, null));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();

        SimulationRun run = simulations.start(new RunSettings(
                SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "bench-fleet"), devices, "bench-{n:06}",
                RunSettings.Protocol.MQTT5, RunSettings.Arrival.ALL_AT_ONCE, null, null, concurrency, ""));
        long peakHeap = 0;
        while (run.running()) {
            peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
            TimeUnit.MILLISECONDS.sleep(200);
        }
        FleetProgress done = run.completion().get(10, TimeUnit.MINUTES);
        RunProgress shown = simulations.progress(run.id());

        System.out.printf(Locale.ROOT, "== simulator fleet from the console: %d devices, MQTT 5, concurrency %d%n", devices, concurrency);
        System.out.printf(Locale.ROOT, "  assigned %d, failed %d, errors %d, throttled %d in %.1f s: %.0f registrations/s%n",
                done.assigned(), done.failed(), done.errors(), done.throttled(), done.elapsed().toMillis() / 1000.0,
                done.registrationsPerSecond());
        System.out.printf(Locale.ROOT, "  latency of assigned devices p50 %d ms, p95 %d ms, p99 %d ms%n",
                done.p50Millis(), done.p95Millis(), done.p99Millis());
        shown.devicesPerHub().forEach((hub, count) -> System.out.printf(Locale.ROOT, "  %-28s %5d = %4.1f%% (weights predict %4.1f%%)%n",
                hub, count, 100.0 * count / Math.max(1, done.assigned()), 100 * shown.predictedShares().getOrDefault(hub, 0.0)));
        System.out.printf(Locale.ROOT, "  heap used: %d MB before, at most %d MB while running (server and fleet in one JVM)%n",
                heapBefore >> 20, peakHeap >> 20);
    }
}
