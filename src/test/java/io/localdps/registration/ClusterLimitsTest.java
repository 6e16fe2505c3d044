package io.localdps.registration;

import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration quota and the rate limit are the instance's, not each node's: two nodes on one
 * PostgreSQL together admit no more new devices than the quota and no more register calls than the
 * limit allows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLimitsTest {

    private static final String HUB = "limits-hub.azure-devices.net";
    private static final int QUOTA = 5;
    private static final int PER_MINUTE = 20;

    @TempDir
    static Path dataDirs;

    static ClusterNode nodeA;
    static ClusterNode nodeB;

    @BeforeAll
    static void startTwoNodesWithLimits() {
        String database = EmbeddedPostgresServer.newDatabase();
        String[] limits = {"--dps.limits.registrations=" + QUOTA, "--dps.registration.rate-limit-per-minute=" + PER_MINUTE};
        nodeA = ClusterNode.start("a", database, dataDirs.resolve("a"), limits);
        nodeB = ClusterNode.start("b", database, dataDirs.resolve("b"), limits);
        nodeA.bean(LinkedHubService.class).link(HUB, LinkedHubSettings.defaults());
    }

    @AfterAll
    static void stopNodes() {
        for (ClusterNode node : new ClusterNode[]{nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void newDevicesRegisteringThroughBothNodesAtOnceGetNoMoreRecordsThanTheQuota() throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (int i = 0; i < 2 * QUOTA; i++) {
            tokens.put("quota-" + i, enroll("quota-" + i));
        }
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * QUOTA)) {
            int i = 0;
            for (var device : tokens.entrySet()) {
                ClusterNode node = i++ % 2 == 0 ? nodeA : nodeB;
                outcomes.add(pool.submit(() -> registerAndWait(node, device.getKey(), device.getValue())));
            }
        }
        List<String> ended = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            ended.add(outcome.get());
        }

        assertThat(ended).filteredOn("assigned"::equals).hasSize(QUOTA);
        assertThat(ended).filteredOn("failed 403002"::equals).hasSize(QUOTA);
        assertThat(nodeB.bean(RegistrationRecordService.class).count()).isEqualTo(QUOTA);
        assertThat(nodeA.bean(HubDeviceService.class).count(HUB)).isEqualTo(QUOTA);
    }

    @Test
    @Order(2) // it empties the bucket the first test's registrations need
    void registerCallsThroughBothNodesShareOneRateLimit() {
        Instant first = Instant.now();
        int admitted = 0;
        for (int call = 0; call < 3 * PER_MINUTE; call++) {
            // Unknown devices: attestation refuses them (401) after the limit admitted the call.
            int status = (call % 2 == 0 ? nodeA : nodeB).register("unknown-" + call, "SharedAccessSignature sr=x&sig=y&se=1").status();
            assertThat(status).isIn(401, 429);
            admitted += status == 401 ? 1 : 0;
        }
        long refilled = Duration.between(first, Instant.now()).toSeconds() * PER_MINUTE / 60 + 1;

        // Counted per node, the two nodes would admit up to twice the allowance.
        assertThat(admitted).isPositive().isLessThanOrEqualTo((int) (PER_MINUTE + refilled));
    }

    private static String registerAndWait(ClusterNode node, String id, String token) {
        ClusterNode.Answer answer = node.register(id, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        String operationId = answer.operationId();
        Instant giveUp = Instant.now().plusSeconds(20);
        while (answer.status() == 202 && Instant.now().isBefore(giveUp)) {
            sleep();
            answer = node.poll(id, operationId, token);
        }
        String outcome = answer.outcome();
        return outcome.equals("failed") ? "failed " + answer.body().path("registrationState").path("errorCode").asInt() : outcome;
    }

    private static String enroll(String registrationId) {
        IndividualEnrollment enrollment = nodeA.bean(IndividualEnrollmentService.class).create(registrationId, null,
                Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(HUB), null, false, null));
        return DeviceTokens.sas(nodeA.idScope(), registrationId, enrollment.attestation().symmetricKey().primaryKey());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
