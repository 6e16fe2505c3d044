package io.localdps.benchmark;

import io.localdps.LocalDpsApplication;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.instance.InstanceService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.simulator.cli.SimulatorCommandLine;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The simulated fleet as a load generator: LocalDPS starts in this JVM (H2 file, free ports, one
 * symmetric-key group over three hubs weighted 1/2/3), and the simulator's command line runs in
 * a JVM of its own with a capped heap, so its memory is its own: registrations/s, latency,
 * spread over the hubs, and the simulator's heap after GC and peak RSS. Run with
 * {@code ./benchmark.sh fleet}; knobs {@code -Dbench.fleet.devices} (10,000),
 * {@code .concurrency} (200), {@code .protocol} (mqtt5), {@code .heap} (384m), {@code .retry-after} (1 s).
 * It never fails on timing.
 */
@Tag("benchmark")
class FleetBenchmark {

    @Test
    void printsFleetRegistrationsPerSecondAndTheSimulatorsMemory() throws Exception {
        int devices = Integer.getInteger("bench.fleet.devices", 10_000);
        int concurrency = Integer.getInteger("bench.fleet.concurrency", 200);
        String protocol = System.getProperty("bench.fleet.protocol", "mqtt5");
        String heap = System.getProperty("bench.fleet.heap", "384m");
        String retryAfter = System.getProperty("bench.fleet.retry-after", "1");
        Path dataDir = Files.createTempDirectory("localdps-fleet-bench-");
        try (ConfigurableApplicationContext server = startServer(dataDir, retryAfter)) {
            String run = UUID.randomUUID().toString().substring(0, 6);
            LinkedHubService hubs = server.getBean(LinkedHubService.class);
            List<String> hubNames = new ArrayList<>();
            for (int weight = 1; weight <= 3; weight++) {
                String hub = "fleet-" + run + "-w" + weight + ".azure-devices.net";
                hubs.link(hub, new LinkedHubSettings(weight, true, null));
                hubNames.add(hub);
            }
            EnrollmentGroup group = server.getBean(EnrollmentGroupService.class).create("fleet-" + run,
                    Attestation.symmetricKey(null, null), new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE,
                            AllocationPolicy.HASHED, TargetHubs.of(hubNames.toArray(String[]::new)), null, false, null));
            Path ca = dataDir.resolve("device-ca.pem");
            Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(server.getBean(DeviceTlsMaterial.class).trustAnchor().getEncoded()) + "\n-----END CERTIFICATE-----\n");

            System.out.printf(Locale.ROOT, "== Simulated fleet: %d symmetric-key group devices over %s, %d in flight, all at once; "
                    + "LocalDPS in the benchmark JVM (H2 file, retry-after %s s), simulator in its own JVM (-Xmx%s)%n",
                    devices, protocol, concurrency, retryAfter, heap);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                    "-cp", System.getProperty("java.class.path"), SimulatorCommandLine.class.getName(),
                    "--host", "127.0.0.1", "--mqtt-port", String.valueOf(server.getBean(MqttEndpoint.class).port()),
                    "--https-port", String.valueOf(server.getBean(DeviceHttpsConnector.class).port()),
                    "--id-scope", server.getBean(InstanceService.class).idScope(), "--trust-ca", ca.toString(),
                    "--protocol", protocol, "--group-key", group.attestation().symmetricKey().primaryKey(),
                    "--count", String.valueOf(devices), "--concurrency", String.valueOf(concurrency),
                    "--id-pattern", "fleet-" + run + "-{n:06}", "--progress-seconds", "5", "--report-memory");
            System.out.println("  command     java -Xmx" + heap + " -cp <classpath> " + SimulatorCommandLine.class.getName() + " "
                    + String.join(" ", command.subList(5, command.size())).replaceAll("--group-key \\S+", "--group-key <key>"));
            Process simulator = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(line.startsWith("  ") || line.startsWith("==") ? line : "  " + line);
                }
            }
            System.out.println("  exit code   " + simulator.waitFor());
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static ConfigurableApplicationContext startServer(Path dataDir, String retryAfter) {
        return new SpringApplication(LocalDpsApplication.class).run("--dps.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/localdps;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64",
                "--server.port=0", "--dps.mqtt.port=0", "--dps.https.port=0", "--dps.admin.password=benchmark-admin-password-1",
                "--vaadin.devmode.devTools.enabled=false", "--logging.level.root=warn",
                "--dps.registration.retry-after-seconds=" + retryAfter);
    }
}
