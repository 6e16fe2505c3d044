package io.localdps.simulator.cli;

import io.localdps.simulator.ArrivalProfile;
import io.localdps.simulator.Attestation;
import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.Protocol;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line's options become the plan; bad options end with exit code 2 and a message. */
class SimulatorCommandLineTest {

    private static final String KEY = "c2ltdWxhdG9yLWdyb3VwLWtleS0wMTIzNDU2Nzg5";

    @Test
    void theOptionsOfASteadyGroupFleetBecomeItsPlan() {
        FleetPlan plan = SimulatorCommandLine.plan(options("--host", "dps.example", "--mqtt-port", "18883", "--id-scope", "0ne00ABC123",
                "--insecure", "--protocol", "mqtt311", "--group-key", KEY, "--count", "250", "--rate", "50", "--jitter-ms", "20",
                "--concurrency", "40", "--id-pattern", "lab-{n:03}", "--payload", "{\"site\":\"{id}\"}"));

        assertThat(plan.endpoint().host()).isEqualTo("dps.example");
        assertThat(plan.endpoint().mqttPort()).isEqualTo(18883);
        assertThat(plan.endpoint().trust().trustAll()).isTrue();
        assertThat(plan.protocol()).isEqualTo(Protocol.MQTT311);
        assertThat(plan.attestation()).isEqualTo(new Attestation.SymmetricGroup(KEY));
        assertThat(plan.count()).isEqualTo(250);
        assertThat(plan.arrival()).isEqualTo(ArrivalProfile.steady(50).withJitter(Duration.ofMillis(20)));
        assertThat(plan.concurrency()).isEqualTo(40);
        assertThat(plan.deviceName(0)).isEqualTo("lab-001");
        assertThat(plan.payload().render("lab-001", 1).toString()).isEqualTo("{\"site\":\"lab-001\"}");
    }

    @Test
    void theSymmetricKeyCanComeFromAnEnvironmentVariableNamedOnTheCommandLine() {
        Map<String, String> environment = Map.of("SIM_GROUP_KEY", KEY, "SIM_DEVICE_KEY", KEY);

        FleetPlan group = SimulatorCommandLine.plan(options("--id-scope", "0ne00ABC123", "--insecure", "--group-key-env", "SIM_GROUP_KEY"),
                environment::get);
        FleetPlan individual = SimulatorCommandLine.plan(options("--id-scope", "0ne00ABC123", "--insecure", "--device-key-env", "SIM_DEVICE_KEY"),
                environment::get);

        assertThat(group.attestation()).isEqualTo(new Attestation.SymmetricGroup(KEY));
        assertThat(individual.attestation()).isEqualTo(new Attestation.SymmetricIndividual(KEY));
        assertThatThrownBy(() -> SimulatorCommandLine.plan(options("--id-scope", "0ne00ABC123", "--insecure", "--group-key-env", "UNSET_KEY"),
                environment::get)).hasMessageContaining("UNSET_KEY").hasMessageContaining("is not set");
        assertThatThrownBy(() -> SimulatorCommandLine.plan(options("--id-scope", "0ne00ABC123", "--insecure", "--group-key", KEY,
                "--group-key-env", "SIM_GROUP_KEY"), environment::get)).hasMessageContaining("exactly one of");
    }

    @Test
    void tpmDevicesDefaultToHttps() {
        FleetPlan plan = SimulatorCommandLine.plan(options("--id-scope", "0ne00ABC123", "--insecure", "--kind", "tpm", "--tpm-dir", "state"));

        assertThat(plan.protocol()).isEqualTo(Protocol.HTTPS);
        assertThat(plan.attestation()).isInstanceOf(Attestation.Tpm.class);
    }

    @Test
    void twoKeysOrNoTrustAreRefusedWithExitCode2() {
        assertThat(run("--id-scope", "0ne00ABC123", "--insecure", "--group-key", KEY, "--device-key", KEY))
                .startsWith("2:").contains("exactly one of --group-key, --device-key, --group-key-env, --device-key-env");
        assertThat(run("--id-scope", "0ne00ABC123", "--group-key", KEY)).startsWith("2:").contains("--trust-ca, --insecure");
        assertThat(run("--id-scope", "0ne00ABC123", "--insecure", "--group-key", KEY, "--count", "many"))
                .startsWith("2:").contains("--count must be a whole number");
        assertThat(run("--colour", "blue")).startsWith("2:").contains("unknown option --colour");
    }

    private static CliOptions options(String... args) {
        return CliOptions.parse(args, Set.of("host", "mqtt-port", "https-port", "id-scope", "trust-ca", "protocol", "kind", "group-key",
                "device-key", "group-key-env", "device-key-env", "count", "rate", "jitter-ms", "concurrency", "id-pattern", "payload", "tpm-dir"), Set.of("insecure"));
    }

    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorCommandLine.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ":" + err.toString(StandardCharsets.UTF_8);
    }
}
