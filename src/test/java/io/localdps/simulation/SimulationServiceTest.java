package io.localdps.simulation;

import io.localdps.common.InvalidInputException;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.AttestationType;
import io.localdps.enrollment.EnrollmentFixtures;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.lab.KeyAlgorithm;
import io.localdps.lab.LabCertificateService;
import io.localdps.simulation.RunSettings.Arrival;
import io.localdps.simulation.RunSettings.Protocol;
import io.localdps.simulator.FleetProgress;
import io.localdps.simulator.FleetSimulator;
import io.localdps.simulator.tpm.TpmIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs real fleets against this application's own device endpoints (MQTT over TLS, HTTPS), so the
 * whole path the console starts is exercised: preparation, enrollments, the wire, the outcomes.
 * A web server is needed for the HTTPS device endpoint that TPM devices use. Names are unique per
 * test because the tests share one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:simulation;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "dps.admin.password=simulation-test-password-1",
        "dps.data-dir=target/simulation-test-data",
        "vaadin.devmode.devTools.enabled=false"
})
class SimulationServiceTest {

    @Autowired
    SimulationService simulations;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    IndividualEnrollmentService individuals;
    @Autowired
    LinkedHubService hubs;
    @Autowired
    LabCertificateService lab;
    @Autowired
    io.localdps.audit.AuditLogService auditLog;

    @Test
    void aSymmetricGroupRunRegistersEveryDeviceWithKeysDerivedFromTheGroupKeyAcrossItsHubs() throws Exception {
        hubs.link("sim-west.azure-devices.net", new LinkedHubSettings(1, true, null));
        hubs.link("sim-east.azure-devices.net", new LinkedHubSettings(3, true, null));
        groups.create("sim-sensors", Attestation.symmetricKey(null, null), new EnrollmentSettings(null, null, null,
                TargetHubs.of("sim-west.azure-devices.net", "sim-east.azure-devices.net"), null, false, null));
        SimulationTarget target = SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "sim-sensors");
        assertThat(simulations.targets()).contains(target);

        SimulationRun run = simulations.start(settings(target, 40, "sensor-{n:03}", Protocol.MQTT5));
        FleetProgress done = finish(run);

        assertThat(done.assigned()).isEqualTo(40);
        assertThat(done.perHub().keySet()).containsOnly("sim-west.azure-devices.net", "sim-east.azure-devices.net");
        RunProgress progress = simulations.progress(run.id());
        assertThat(progress.ended()).isTrue();
        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.predictedShares()).containsOnlyKeys("sim-west.azure-devices.net", "sim-east.azure-devices.net");
        assertThat(progress.predictedShares().get("sim-east.azure-devices.net")).isCloseTo(0.75, within(1e-9));
        assertThat(simulations.results(run.id(), new ResultFilter("assigned", null, "SENSOR-00"), 0, 100))
                .hasSize(9).allSatisfy(result -> assertThat(result.assignedHub()).endsWith(".azure-devices.net"));
        String csv = new String(simulations.csv(run.id()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(41).first().asString().startsWith("number,registrationId,status");
        assertThat(csv).contains("sensor-040");
    }

    @Test
    void aTpmRunCreatesEachDevicesIndividualEnrollmentFromItsEndorsementKeyAndRegistersOverHttps() throws Exception {
        hubs.link("sim-tpm.azure-devices.net", LinkedHubSettings.defaults());
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("sim-admin", null,
                        java.util.List.of()));

        SimulationRun run;
        try {
            run = simulations.start(settings(SimulationTarget.tpmIndividual(), 3, "tpm-sim-{n}", Protocol.HTTPS));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        FleetProgress done = finish(run);
        assertThat(auditLog.page(new io.localdps.audit.AuditFilter(io.localdps.common.AuditedChange.Kind.INDIVIDUAL_ENROLLMENT,
                null, "tpm-sim-", null, null), io.localdps.common.PageRequest.first(10)))
                .as("enrollments made in the background name the admin who started the run")
                .hasSize(3).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("sim-admin"));

        List<TpmIdentity> identities = FleetSimulator.tpmIdentities(run.plan());
        assertThat(identities).extracting(TpmIdentity::registrationId).containsExactly("tpm-sim-1", "tpm-sim-2", "tpm-sim-3");
        for (TpmIdentity identity : identities) {
            IndividualEnrollment enrollment = individuals.get(identity.registrationId());
            assertThat(enrollment.attestationType()).isEqualTo(AttestationType.TPM);
            assertThat(Base64.getDecoder().decode(enrollment.attestation().tpm().endorsementKey()))
                    .isEqualTo(Base64.getDecoder().decode(identity.endorsementKey()));
        }
        assertThat(done.assigned()).as(simulations.results(run.id(), ResultFilter.none(), 0, 3).toString()).isEqualTo(3);

        // The same pattern again finds the same TPMs already enrolled: nothing new, and they register again.
        long before = individuals.count();
        FleetProgress again = finish(simulations.runAgain(run.id()));
        assertThat(again.assigned()).isEqualTo(3);
        assertThat(individuals.count()).isEqualTo(before);
    }

    @Test
    void anX509GroupRunMintsEachDevicesCertificateFromTheLabCaTheGroupTrusts() throws Exception {
        hubs.link("sim-x509.azure-devices.net", LinkedHubSettings.defaults());
        lab.createRootCa("Simulator Test Root", KeyAlgorithm.EC_P256, 30);
        lab.addToStore("Simulator Test Root", "simulator-test-root");
        groups.create("sim-cameras", Attestation.caReferences("simulator-test-root", null), EnrollmentFixtures.settings());

        SimulationRun run = simulations.start(settings(SimulationTarget.group(SimulationTarget.Kind.X509_GROUP, "sim-cameras"),
                5, "camera-{n}", Protocol.MQTT311));

        assertThat(finish(run).assigned()).as(simulations.results(run.id(), ResultFilter.none(), 0, 5).toString()).isEqualTo(5);
    }

    @Test
    void aStoppedRunStartsNoFurtherDeviceAndEndsWithTheRestStopped() throws Exception {
        hubs.link("sim-stop.azure-devices.net", LinkedHubSettings.defaults());
        EnrollmentFixtures.symmetricKeyGroup(groups, "sim-stoppable");
        RunSettings slow = new RunSettings(SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "sim-stoppable"),
                500, "slow-{n}", Protocol.MQTT5, Arrival.STEADY_RATE, 5, null, 5, "");

        SimulationRun run = simulations.start(slow);
        simulations.stop(run.id());
        FleetProgress done = finish(run);

        assertThat(done.done()).isEqualTo(500);
        assertThat(done.stopped()).isPositive();
        RunProgress progress = simulations.progress(run.id());
        assertThat(progress.ended()).isTrue();
        assertThat(progress.stopped()).isTrue();
        assertThat(simulations.countResults(run.id(), new ResultFilter("stopped", null, null))).isEqualTo(done.stopped());
    }

    @Test
    void badSettingsAreRefusedAtTheirFieldsAndCreateNoEnrollment() {
        long before = individuals.count();
        RunSettings bad = new RunSettings(SimulationTarget.tpmIndividual(), 0, "NoNumber", Protocol.MQTT5,
                Arrival.STEADY_RATE, null, 10, 50, "{not json");

        assertThatThrownBy(() -> simulations.start(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.fieldErrors()).containsOnlyKeys(SimulationRules.COUNT, SimulationRules.REGISTRATION_IDS,
                        SimulationRules.PROTOCOL, SimulationRules.RATE, SimulationRules.PAYLOAD));
        assertThat(individuals.count()).isEqualTo(before);
    }

    @Test
    void aSymmetricIndividualRunCreatesOneEnrollmentPerDeviceWithTheSharedKey() throws Exception {
        hubs.link("sim-individual.azure-devices.net", LinkedHubSettings.defaults());

        SimulationRun run = simulations.start(settings(SimulationTarget.symmetricIndividual(), 4, "solo-{n}", Protocol.MQTT5));

        assertThat(finish(run).assigned()).isEqualTo(4);
        assertThat(List.of("solo-1", "solo-2", "solo-3", "solo-4")).allSatisfy(id ->
                assertThat(individuals.get(id).attestation().symmetricKey().primaryKey())
                        .isEqualTo(individuals.get("solo-1").attestation().symmetricKey().primaryKey()));
        assertThat(individuals.find("solo-5")).isEmpty();
    }

    @Test
    void aSymmetricIndividualRunRefusesToOverwriteAnEnrollmentWithOtherCredentials() {
        EnrollmentFixtures.symmetricKeyDevice(individuals, "taken-2");
        // taken-1 does not exist, so the run gets a new key, which differs from taken-2's.
        SimulationRun run = simulations.start(settings(SimulationTarget.symmetricIndividual(), 3, "taken-{n}", Protocol.MQTT5));

        assertThatThrownBy(() -> finish(run)).hasCauseInstanceOf(InvalidInputException.class);
        RunProgress progress = simulations.progress(run.id());
        assertThat(progress.ended()).isTrue();
        assertThat(progress.note()).contains("taken-2 already exists with other credentials");
        assertThat(simulations.countResults(run.id(), ResultFilter.none())).isZero();
        assertThat(individuals.find("taken-1")).isEmpty();
        assertThat(individuals.find("taken-3")).isEmpty();
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsRunningAndTheFilteredResultsFollowTheRunningFleet() throws Exception {
        hubs.link("sim-one.azure-devices.net", LinkedHubSettings.defaults());
        EnrollmentFixtures.symmetricKeyGroup(groups, "sim-one-at-a-time");
        SimulationTarget target = SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "sim-one-at-a-time");
        SimulationRun slow = simulations.start(new RunSettings(target, 40, "one-{n}", Protocol.MQTT5, Arrival.STEADY_RATE, 20, null, 5, ""));
        ResultFilter assigned = new ResultFilter("assigned", null, null);
        int seenWhileRunning = simulations.countResults(slow.id(), assigned);

        assertThatThrownBy(() -> simulations.start(settings(target, 2, "two-{n}", Protocol.MQTT5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get(SimulationService.FLEET))
                        .contains(slow.title()).contains("still running"));
        assertThatThrownBy(() -> simulations.runAgain(slow.id())).isInstanceOf(InvalidInputException.class);
        FleetProgress done = finish(slow);

        assertThat(done.assigned()).isEqualTo(40);
        assertThat(seenWhileRunning).isLessThan(40);
        assertThat(simulations.countResults(slow.id(), assigned)).isEqualTo(40);
        assertThat(simulations.results(slow.id(), assigned, 35, 10)).hasSize(5);
        assertThat(simulations.results(slow.id(), new ResultFilter(null, null, "one-4"), 0, 10))
                .extracting(DeviceResult::registrationId).containsExactlyInAnyOrder("one-4", "one-40");
    }

    @Test
    void onlyTheNewestRunsKeepTheirDevicesOlderRunsKeepTheirCounters() throws Exception {
        hubs.link("sim-kept.azure-devices.net", LinkedHubSettings.defaults());
        EnrollmentFixtures.symmetricKeyGroup(groups, "sim-kept");
        SimulationTarget target = SimulationTarget.group(SimulationTarget.Kind.SYMMETRIC_GROUP, "sim-kept");
        SimulationRun oldest = simulations.start(settings(target, 3, "kept-{n}", Protocol.MQTT5));
        finish(oldest);
        for (int i = 0; i < SimulationService.RUNS_WITH_OUTCOMES; i++) {
            finish(simulations.runAgain(oldest.id()));
        }

        assertThat(oldest.outcomesForgotten()).isTrue();
        assertThat(simulations.countResults(oldest.id(), ResultFilter.none())).isZero();
        assertThat(simulations.countResults(oldest.id(), new ResultFilter("assigned", null, null))).isZero();
        assertThat(simulations.progress(oldest.id()).assigned()).isEqualTo(3);
        SimulationRun newest = simulations.runs().getFirst();
        assertThat(newest.outcomesForgotten()).isFalse();
        assertThat(simulations.countResults(newest.id(), ResultFilter.none())).isEqualTo(3);
    }

    @Test
    void stoppingARunWhilePreparingStopsCreatingItsEnrollments() {
        SimulationRun run = simulations.start(settings(SimulationTarget.symmetricIndividual(), 2_000, "prep-{n}", Protocol.MQTT5));
        simulations.stop(run.id());

        assertThatThrownBy(() -> finish(run)).hasMessageContaining("Stopped while preparing");
        assertThat(simulations.progress(run.id()).note()).contains("Stopped while preparing");
        assertThat(individuals.find("prep-2000")).isEmpty();
        assertThat(individuals.find("prep-" + (IndividualEnrollments.BATCH + 1))).isEmpty();
    }

    private static RunSettings settings(SimulationTarget target, int count, String pattern, Protocol protocol) {
        return new RunSettings(target, count, pattern, protocol, Arrival.ALL_AT_ONCE, null, null, 20, "{\"serial\": \"{id}\"}");
    }

    private static FleetProgress finish(SimulationRun run) throws Exception {
        return run.completion().get(120, TimeUnit.SECONDS);
    }

}
