package io.localdps.registration;

import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentGroup;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.HubDeviceService;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two LocalDPS nodes on one real PostgreSQL, as behind the load balancer of docker/compose.yaml's
 * cluster profile: any node takes any request, an operation is worked exactly once, and a node that
 * dies leaves nothing lost or doubled. Lease and sweep are seconds here (minutes' worth in
 * production) so that a dead node's claims run out within the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOnePostgresTest {

    private static final String HUB = "cluster-hub.azure-devices.net";
    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    static Path dataDirs;

    static ClusterNode nodeA;
    static ClusterNode nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() {
        String database = EmbeddedPostgresServer.newDatabase();
        String[] fastRecovery = {"--dps.registration.claim-lease=" + LEASE, "--dps.registration.unclaimed-grace=PT1S",
                "--dps.registration.sweep-interval=PT0.5S", "--dps.registration.shutdown-wait=PT0S", "--dps.registration.claim-renewal=PT1S"};
        // One after the other, as compose.yaml starts them: the first start sets up schema, scope and CA.
        nodeA = ClusterNode.start("a", database, dataDirs.resolve("a"), fastRecovery);
        nodeB = ClusterNode.start("b", database, dataDirs.resolve("b"), fastRecovery);
        nodeA.bean(LinkedHubService.class).link(HUB, LinkedHubSettings.defaults());
    }

    @AfterAll
    static void stopNodes() {
        for (ClusterNode node : new ClusterNode[]{nodeB, nodeA}) {
            if (node != null && node.running()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesAreTheSameInstanceToADevice() {
        assertThat(nodeB.idScope()).isEqualTo(nodeA.idScope());
        assertThat(nodeB.deviceCa()).isEqualTo(nodeA.deviceCa());
    }

    @Test
    @Order(2)
    void aDeviceRegisteredThroughNodeAIsPolledThroughNodeBAndAssigned() {
        String token = enroll("through-a-poll-b");

        ClusterNode.Answer accepted = nodeA.register("through-a-poll-b", token);
        ClusterNode.Answer outcome = pollUntilDone(nodeB, "through-a-poll-b", accepted.operationId(), token);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(outcome.status()).as(outcome.body().toString()).isEqualTo(200);
        assertThat(outcome.outcome()).isEqualTo("assigned");
        assertThat(outcome.body().path("registrationState").path("assignedHub").asString()).isEqualTo(HUB);
    }

    @Test
    @Order(3)
    void anIndividualEnrollmentDisabledOnNodeAIsRefusedByNodeBAtOnce() {
        String token = enroll("disabled-on-a");
        IndividualEnrollmentService enrollmentsOnA = nodeA.bean(IndividualEnrollmentService.class);
        IndividualEnrollment enrollment = enrollmentsOnA.get("disabled-on-a");
        enrollmentsOnA.update("disabled-on-a", enrollment.version(), null,
                enrollment.settings().withProvisioningStatus(ProvisioningStatus.DISABLED));

        // Individual enrollments are read from the database on every registration: no bound to wait for.
        ClusterNode.Answer accepted = nodeB.register("disabled-on-a", token);
        ClusterNode.Answer outcome = pollUntilDone(nodeB, "disabled-on-a", accepted.operationId(), token);

        assertThat(outcome.outcome()).isEqualTo("disabled");
    }

    @Test
    @Order(4)
    void aGroupCreatedOnNodeAAdmitsItsDevicesThroughNodeBWithinTheDocumentedBoundAndItsDisablingAtOnce() {
        EnrollmentGroupService groupsOnA = nodeA.bean(EnrollmentGroupService.class);
        EnrollmentGroup group = groupsOnA.create("cluster-group", Attestation.symmetricKey(null, null), settings());
        String token = DeviceTokens.sas(nodeA.idScope(), "group-device",
                groupsOnA.deviceKeys("cluster-group", "group-device").primaryKey());
        // Node B finds a device's group in a list of groups it reads at most every GroupAttestor.FRESHNESS.
        assertThat(registerWithin(nodeB, "group-device", token, GroupAttestor.FRESHNESS.plusSeconds(1))).isEqualTo("assigned");

        groupsOnA.update("cluster-group", group.version(), group.settings().withProvisioningStatus(ProvisioningStatus.DISABLED));

        // Whether the group is enabled, and everything else it decides, is read afresh for every operation.
        ClusterNode.Answer again = nodeB.register("group-device", token);
        assertThat(pollUntilDone(nodeB, "group-device", again.operationId(), token).outcome()).isEqualTo("disabled");

        groupsOnA.create("cluster-group-2", Attestation.symmetricKey(null, null), settings());
        String secondToken = DeviceTokens.sas(nodeA.idScope(), "group-device-2",
                groupsOnA.deviceKeys("cluster-group-2", "group-device-2").primaryKey());
        assertThat(registerWithin(nodeB, "group-device-2", secondToken, GroupAttestor.FRESHNESS.plusSeconds(1)))
                .as("node B admits a device of a group created on node A within %s", GroupAttestor.FRESHNESS)
                .isEqualTo("assigned");
    }

    /** Registers until the node stops refusing the device (401) or the bound passes; the last outcome. */
    private static String registerWithin(ClusterNode node, String id, String token, Duration bound) {
        Instant giveUp = Instant.now().plus(bound);
        ClusterNode.Answer answer = node.register(id, token);
        while (answer.status() == 401 && Instant.now().isBefore(giveUp)) {
            sleep(100);
            answer = node.register(id, token);
        }
        return answer.status() == 202 ? pollUntilDone(node, id, answer.operationId(), token).outcome() : "refused " + answer.status();
    }

    @Test
    @Order(5)
    void devicesRegisteringThroughBothNodesAtOnceAreEachAssignedExactlyOnce() throws Exception {
        int devices = 30;
        Map<String, String> tokens = new ConcurrentHashMap<>();
        IntStream.range(0, devices).forEach(i -> tokens.put("concurrent-" + i, enroll("concurrent-" + i)));
        List<Future<List<String>>> registrations = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (String id : tokens.keySet()) {
                // The same device through both nodes at the same moment, as a retrying device behind a balancer would.
                registrations.add(pool.submit(() -> List.of(id, nodeA.register(id, tokens.get(id)).operationId())));
                registrations.add(pool.submit(() -> List.of(id, nodeB.register(id, tokens.get(id)).operationId())));
            }
        }
        Map<String, List<String>> operationsByDevice = new ConcurrentHashMap<>();
        for (Future<List<String>> registration : registrations) {
            List<String> started = registration.get();
            operationsByDevice.computeIfAbsent(started.get(0), id -> new ArrayList<>()).add(started.get(1));
        }

        operationsByDevice.forEach((id, operations) -> {
            ClusterNode node = id.hashCode() % 2 == 0 ? nodeA : nodeB;
            for (String operation : operations) {
                assertThat(pollUntilDone(node, id, operation, tokens.get(id)).outcome()).isEqualTo("assigned");
            }
            // Two calls overlapping in time share one operation; a call arriving after the first
            // operation ended starts a second one, which is a re-registration, not a double assignment.
            List<Instant[]> spans = operationSpans(id);
            assertThat(spans).as("operations of %s", id).hasSize((int) operations.stream().distinct().count());
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i)[0]).as("operation %d of %s started before the one before it ended", i, id)
                        .isAfterOrEqualTo(spans.get(i - 1)[1]);
            }
            RegistrationRecord record = nodeA.bean(RegistrationStore.class).record(id).orElseThrow();
            assertThat(record.attempts().attempts()).as("attempts of %s", id).hasSize(spans.size());
        });
        assertThat(nodeB.bean(HubDeviceService.class).count(HUB, "concurrent-")).isEqualTo(devices);
    }

    @Test
    @Order(6)
    void anOperationOutlastingItsLeaseOnALiveNodeIsWorkedOnlyByThatNode() throws Exception {
        try (HeldWebhook webhook = new HeldWebhook(HUB)) {
            String token = enroll("slow-webhook", new CustomAllocationDefinition(webhook.url(), "2021-10-01"));
            String operationId = nodeA.register("slow-webhook", token).operationId();
            webhook.awaitHeldCalls(1);
            // Both nodes sweep every half second; without renewal the claim would have run out twice over.
            sleep(LEASE.multipliedBy(2).toMillis());
            webhook.release();

            assertThat(pollUntilDone(nodeB, "slow-webhook", operationId, token).outcome()).isEqualTo("assigned");
            assertThat(webhook.calls()).as("webhook calls: a second node worked the operation too").isEqualTo(1);
        }
        assertThat(nodeA.bean(RegistrationStore.class).record("slow-webhook").orElseThrow().attempts().attempts()).hasSize(1);
    }

    @Test
    @Order(7)
    void operationsInFlightOnANodeThatDiesAreFinishedByTheOtherExactlyOnce() throws Exception {
        // Node B dies with operations in every state a crash leaves: some mid-way (its workers are
        // inside a webhook call), some claimed but not started, some accepted (202) but never claimed.
        // Node A's worker is held meanwhile, so that all of them are B's when B goes.
        OperationWorker workerOfA = nodeA.bean(OperationWorker.class);
        workerOfA.stop();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Map<String, String> operations = new ConcurrentHashMap<>();
        try (HeldWebhook webhook = new HeldWebhook(HUB)) {
            for (int i = 0; i < 4; i++) {
                String id = "mid-way-" + i;
                tokens.put(id, enroll(id, new CustomAllocationDefinition(webhook.url(), "2021-10-01")));
                operations.put(id, nodeB.register(id, tokens.get(id)).operationId());
            }
            webhook.awaitHeldCalls(4);
            nodeB.bean(OperationWorker.class).stop();
            for (int i = 0; i < 16; i++) {
                String id = "orphan-" + i;
                tokens.put(id, enroll(id, null));
                operations.put(id, nodeB.register(id, tokens.get(id)).operationId());
                if (i % 2 == 0) {
                    assertThat(nodeB.bean(RegistrationStore.class).claim(operations.get(id), "node-b", LEASE)).isTrue();
                }
            }
            nodeB.close();
            webhook.release();
            workerOfA.start();

            tokens.forEach((id, token) -> {
                ClusterNode.Answer outcome = pollUntilDone(nodeA, id, operations.get(id), token);
                assertThat(outcome.outcome()).as(id).isEqualTo("assigned");
                assertThat(nodeA.bean(RegistrationStore.class).record(id).orElseThrow().attempts().attempts()).as(id).hasSize(1);
                assertThat(operationRows(id)).as(id).isEqualTo(1);
            });
        }
        HubDeviceService hubDevices = nodeA.bean(HubDeviceService.class);
        assertThat(hubDevices.count(HUB, "mid-way-") + hubDevices.count(HUB, "orphan-")).isEqualTo(tokens.size());
    }

    /** Each operation of the device as [created, last updated], oldest first. */
    private static List<Instant[]> operationSpans(String registrationId) {
        return nodeA.bean(JdbcClient.class).sql("SELECT created, updated FROM registration_operation "
                        + "WHERE registration_key = :key ORDER BY created")
                .param("key", RegistrationRecord.keyOf(registrationId))
                .query((row, index) -> new Instant[]{row.getTimestamp("created").toInstant(), row.getTimestamp("updated").toInstant()})
                .list();
    }

    private static long operationRows(String registrationId) {
        return nodeA.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM registration_operation WHERE registration_key = :key")
                .param("key", RegistrationRecord.keyOf(registrationId)).query(Long.class).single();
    }

    private static String enroll(String registrationId) {
        return enroll(registrationId, null);
    }

    /** @param webhook a custom allocation webhook, or null for the hub's static allocation */
    private static String enroll(String registrationId, CustomAllocationDefinition webhook) {
        EnrollmentSettings settings = webhook == null ? settings() : new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE,
                AllocationPolicy.CUSTOM, TargetHubs.of(HUB), webhook, false, null);
        IndividualEnrollment enrollment = nodeA.bean(IndividualEnrollmentService.class)
                .create(registrationId, null, Attestation.symmetricKey(null, null), settings);
        return DeviceTokens.sas(nodeA.idScope(), registrationId, enrollment.attestation().symmetricKey().primaryKey());
    }

    private static EnrollmentSettings settings() {
        return new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(HUB), null, false, null);
    }

    /** Polls until the operation ends; a bound well past lease plus sweep keeps a lost operation from hanging the build. */
    private static ClusterNode.Answer pollUntilDone(ClusterNode node, String id, String operationId, String token) {
        Instant giveUp = Instant.now().plus(LEASE.multipliedBy(5));
        while (Instant.now().isBefore(giveUp)) {
            ClusterNode.Answer answer = node.poll(id, operationId, token);
            if (answer.status() != 202) {
                return answer;
            }
            sleep(50);
        }
        throw new AssertionError("operation " + operationId + " of " + id + " never ended");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
