package io.localdps.simulation;

import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.instance.InstanceService;
import io.localdps.lab.KeyAlgorithm;
import io.localdps.lab.LabCertificate;
import io.localdps.lab.LabCertificateService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationRecordService;
import io.localdps.simulator.ArrivalProfile;
import io.localdps.simulator.Attestation;
import io.localdps.simulator.DeviceOutcome;
import io.localdps.simulator.DeviceStatus;
import io.localdps.simulator.DpsEndpoint;
import io.localdps.simulator.FleetPlan;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetRun;
import io.localdps.simulator.FleetSimulator;
import io.localdps.simulator.Protocol;
import io.localdps.simulator.Trust;
import io.localdps.simulator.cli.SimulatorCommandLine;
import io.localdps.simulator.tpm.TpmIdentity;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fleets of simulated devices registering over the wire (MQTT 5, MQTT 3.1.1, HTTPS) against the
 * whole application, which is set up through its services; the simulator knows only the endpoint,
 * the ID scope, the device CA and the attestation material, as any device would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=simulation-e2e-password-1", "vaadin.devmode.devTools.enabled=false",
        "dps.registration.retry-after-seconds=1"})
class SimulatedFleetTest implements H2Database {

    @Autowired MqttEndpoint mqtt;
    @Autowired DeviceHttpsConnector https;
    @Autowired DeviceTlsMaterial tls;
    @Autowired InstanceService instance;
    @Autowired EnrollmentGroupService groups;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;
    @Autowired LabCertificateService lab;
    @Autowired RegistrationRecordService records;
    @Autowired JdbcClient jdbc;

    @Test
    void aThousandGroupDevicesOverMqtt5SpreadAcrossThreeHubsAsTheirWeightsPredict() {
        String run = suffix();
        List<String> hubNames = List.of(link(run + "-w1", 1), link(run + "-w2", 2), link(run + "-w3", 3));
        EnrollmentGroup group = groups.create("fleet-" + run, io.localdps.enrollment.Attestation.symmetricKey(null, null),
                settings(ReprovisionPolicy.MIGRATE, hubNames));

        FleetProgress result = runToEnd(plan(new Attestation.SymmetricGroup(group.attestation().symmetricKey().primaryKey()))
                .protocol(Protocol.MQTT5).count(1000).idPattern("w-" + run + "-{n:04}").concurrency(250).build());

        assertThat(result.assigned()).as("assigned of %s", result).isEqualTo(1000);
        assertThat(result.perHub().keySet()).containsExactlyInAnyOrderElementsOf(hubNames);
        for (int weight = 1; weight <= 3; weight++) {
            double share = result.perHub().get(hubNames.get(weight - 1)) / 1000.0;
            assertThat(share).as("share of the hub weighted %d", weight).isCloseTo(weight / 6.0, within(0.05));
        }
        assertThat(records.find("w-" + run + "-0500")).get().extracting(RegistrationRecord::assignedHub).isIn(hubNames);
    }

    @Test
    void anX509GroupOnALabIntermediateRegistersDevicesWithLeavesMintedOnTheFlyOverMqtt311() {
        String run = suffix();
        String hub = link(run, 1);
        LabCertificate root = lab.createRootCa("Sim Root " + run, KeyAlgorithm.EC_P256, 3650);
        LabCertificate intermediate = lab.createIntermediateCa("Sim Intermediate " + run, root.name(), KeyAlgorithm.EC_P256, 1000);
        lab.addToStore(root.name(), "sim-root-" + run);
        groups.create("x509-" + run, io.localdps.enrollment.Attestation.caReferences("sim-root-" + run, null),
                settings(ReprovisionPolicy.MIGRATE, List.of(hub)));
        Attestation leaves = Attestation.X509Issued.fromPem(intermediate.fullChainPem(), lab.privateKeyPem(intermediate.name()));

        FleetProgress result = runToEnd(plan(leaves).protocol(Protocol.MQTT311).count(20).idPattern("x-" + run + "-{n}").build());

        assertThat(result.assigned()).as("%s", result).isEqualTo(20);
        assertThat(result.perHub()).containsExactly(Map.entry(hub, 20L));
    }

    @Test
    void softwareTpmDevicesRegisterOverHttpsWithTheIndividualEnrollmentsMadeFromTheirExportedKeys(@TempDir Path tpmState) {
        String run = suffix();
        String hub = link(run, 1);
        FleetPlan plan = plan(new Attestation.Tpm(tpmState, true)).protocol(Protocol.HTTPS).count(3)
                .idPattern("t-" + run + "-{n}").build();
        List<TpmIdentity> identities = FleetSimulator.tpmIdentities(plan);
        identities.forEach(device -> individuals.create(device.registrationId(), null,
                io.localdps.enrollment.Attestation.tpm(device.endorsementKey()), settings(ReprovisionPolicy.MIGRATE, List.of(hub))));

        FleetRun fleet = FleetSimulator.start(plan);
        FleetProgress result = fleet.completion().orTimeout(2, TimeUnit.MINUTES).join();

        assertThat(result.assigned()).as("%s", fleet.outcomes()).isEqualTo(3);
        assertThat(fleet.outcomes()).extracting(DeviceOutcome::registrationId)
                .containsExactlyInAnyOrderElementsOf(identities.stream().map(TpmIdentity::registrationId).toList());
        assertThat(FleetSimulator.tpmIdentities(plan)).as("the same EKs from the state directory").isEqualTo(identities);
    }

    @Test
    void reRunningTheSameFleetReprovisionsItsDevicesAccordingToThePolicy() {
        String run = suffix();
        String first = link(run + "-a", 1);
        String second = link(run + "-b", 1);
        EnrollmentGroup group = groups.create("again-" + run, io.localdps.enrollment.Attestation.symmetricKey(null, null),
                settings(ReprovisionPolicy.MIGRATE, List.of(first)));
        FleetPlan plan = plan(new Attestation.SymmetricGroup(group.attestation().symmetricKey().primaryKey()))
                .protocol(Protocol.HTTPS).count(30).idPattern("r-" + run + "-{n:02}").build();

        FleetRun initial = FleetSimulator.start(plan);
        initial.completion().orTimeout(2, TimeUnit.MINUTES).join();
        groups.update(group.enrollmentGroupId(), groups.get(group.enrollmentGroupId()).version(),
                settings(ReprovisionPolicy.MIGRATE, List.of(second)));
        FleetRun again = FleetSimulator.start(plan);
        again.completion().orTimeout(2, TimeUnit.MINUTES).join();

        assertThat(initial.outcomes()).allSatisfy(device -> {
            assertThat(device.assignedHub()).isEqualTo(first);
            assertThat(device.substatus()).isEqualTo("initialAssignment");
        });
        assertThat(again.outcomes()).hasSize(30).allSatisfy(device -> {
            assertThat(device.assignedHub()).isEqualTo(second);
            assertThat(device.substatus()).isEqualTo("deviceDataMigrated");
        });
        assertThat(records.get("r-" + run + "-07").assignedHub()).isEqualTo(second);
    }

    @Test
    void stoppingAFleetMidRunLeavesEveryDeviceAssignedWithARecordOrNotStartedAndNoOperationPending() throws Exception {
        String run = suffix();
        String hub = link(run, 1);
        EnrollmentGroup group = groups.create("stop-" + run, io.localdps.enrollment.Attestation.symmetricKey(null, null),
                settings(ReprovisionPolicy.MIGRATE, List.of(hub)));
        FleetRun fleet = FleetSimulator.start(plan(new Attestation.SymmetricGroup(group.attestation().symmetricKey().primaryKey()))
                .protocol(Protocol.MQTT5).count(400).idPattern("s-" + run + "-{n:03}").arrival(ArrivalProfile.steady(40))
                .concurrency(20).build());
        while (fleet.progress().assigned() < 10) {
            Thread.sleep(50);
        }

        fleet.stop();
        FleetProgress result = fleet.completion().orTimeout(1, TimeUnit.MINUTES).join();

        assertThat(result.stopped()).as("%s", result).isPositive();
        assertThat(result.assigned() + result.stopped()).isEqualTo(400);
        for (DeviceOutcome device : fleet.outcomes()) {
            if (device.status() == DeviceStatus.ASSIGNED) {
                assertThat(records.get(device.registrationId()).assignedHub()).isEqualTo(hub);
            } else {
                assertThat(device.attempts()).as("%s", device).isZero();
                assertThat(records.find(device.registrationId())).as("%s", device).isEmpty();
            }
        }
        assertThat(jdbc.sql("SELECT state FROM registration_operation WHERE registration_key LIKE :prefix")
                .param("prefix", "s-" + run + "-%").query(String.class).list())
                .allSatisfy(state -> assertThat(state.toLowerCase(Locale.ROOT)).isNotEqualTo("assigning"));
    }

    @Test
    void theCommandLineRunsAFleetOfIndividualEnrollmentsAndPrintsItsSummaryAndResults(@TempDir Path files) throws Exception {
        String run = suffix();
        String hub = link(run, 1);
        String key = io.localdps.attestation.SymmetricKeys.generate();
        for (int n = 1; n <= 5; n++) {
            individuals.create("c-" + run + "-" + n, null, io.localdps.enrollment.Attestation.symmetricKey(key, null),
                    settings(ReprovisionPolicy.MIGRATE, List.of(hub)));
        }
        Path ca = files.resolve("device-ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(tls.trustAnchor().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SimulatorCommandLine.run(new String[]{"--host", "localhost", "--mqtt-port", String.valueOf(mqtt.port()),
                "--id-scope", instance.idScope(), "--trust-ca", ca.toString(), "--protocol", "mqtt311", "--device-key", key,
                "--count", "5", "--id-pattern", "c-" + run + "-{n}", "--csv", files.resolve("results.csv").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("assigned 5, failed 0, disabled 0, error 0, stopped 0")
                .containsPattern("hub +" + java.util.regex.Pattern.quote(hub) + " +5 +100.0%").contains("p50 ").contains("registrations/s");
        assertThat(Files.readAllLines(files.resolve("results.csv"))).hasSize(6)
                .allSatisfy(line -> assertThat(line).satisfiesAnyOf(l -> assertThat(l).startsWith("number,"),
                        l -> assertThat(l).contains(",assigned,initialAssignment," + hub + ",")));
    }

    private FleetProgress runToEnd(FleetPlan plan) {
        FleetRun fleet = FleetSimulator.start(plan);
        FleetProgress result = fleet.completion().orTimeout(3, TimeUnit.MINUTES).join();
        assertThat(fleet.outcomes()).as("errors").filteredOn(o -> o.status() != DeviceStatus.ASSIGNED).isEmpty();
        return result;
    }

    private FleetPlan.Builder plan(Attestation attestation) {
        DpsEndpoint endpoint = new DpsEndpoint("localhost", mqtt.port(), https.port(), instance.idScope(),
                Trust.certificates(tls.trustAnchor()));
        return FleetPlan.builder(endpoint, attestation).deviceTimeout(Duration.ofSeconds(90));
    }

    private String link(String name, int weight) {
        String hostName = "sim-" + name + ".azure-devices.net";
        hubs.link(hostName, new LinkedHubSettings(weight, true, null));
        return hostName;
    }

    private static EnrollmentSettings settings(ReprovisionPolicy policy, List<String> hubNames) {
        return new EnrollmentSettings(null, policy, AllocationPolicy.HASHED, TargetHubs.of(hubNames.toArray(String[]::new)), null,
                false, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
