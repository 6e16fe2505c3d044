package io.localdps.registration;

import com.sun.net.httpserver.HttpServer;
import io.localdps.common.Json;
import io.localdps.enrollment.AllocationPolicy;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.CustomAllocationDefinition;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.IotHubRegistry;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Operations beyond the happy path: a custom webhook, and operations a stopped or dead node left behind. */
@ServiceTest
@TestPropertySource(properties = {"dps.registration.unclaimed-grace=PT0S", "dps.registration.sweep-interval=PT1H"})
class RegistrationOperationsTest implements H2Database {

    @Autowired DeviceRegistrations registrations;
    @Autowired RegistrationStore store;
    @Autowired OperationWorker worker;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;
    @Autowired IotHubRegistry hubRegistry;

    @Test
    void aCustomWebhookChoosesTheHubAndItsTwinAndPayloadReachHubAndDevice() throws Exception {
        String hub = unique("webhook") + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        AtomicReference<JsonNode> received = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/allocate", exchange -> {
            received.set(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] answer = ("{\"iotHubHostName\":\"" + hub + "\",\"initialTwin\":{\"tags\":{\"chosenBy\":\"webhook\"},"
                    + "\"properties\":{\"desired\":{}}},\"payload\":{\"welcome\":\"hello\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String id = unique("custom");
            var enrollment = individuals.create(id, null, Attestation.symmetricKey(null, null), new EnrollmentSettings(null,
                    ReprovisionPolicy.MIGRATE, AllocationPolicy.CUSTOM, TargetHubs.of(hub), new CustomAllocationDefinition(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/allocate?code=secret", "2021-10-01"), false, null));
            String token = DeviceTokens.sas(instance.idScope(), id, enrollment.attestation().symmetricKey().primaryKey());
            DeviceRequest request = new DeviceRequest(instance.idScope(), id, "2021-10-01", new DeviceCredentials.SasToken(token),
                    "{\"payload\":{\"model\":\"T-1000\"}}".getBytes(StandardCharsets.UTF_8), DeviceRequest.Transport.MQTT, null);

            JsonNode result = registerAndPoll(request);

            assertThat(result.path("registrationState").path("assignedHub").asString()).isEqualTo(hub);
            assertThat(result.path("registrationState").path("payload").path("welcome").asString()).isEqualTo("hello");
            assertThat(received.get().path("deviceRuntimeContext").path("payload").path("model").asString()).isEqualTo("T-1000");
            assertThat(received.get().path("individualEnrollment").path("attestation").path("type").asString()).isEqualTo("symmetricKey");
            assertThat(received.get().path("individualEnrollment").path("attestation").has("symmetricKey")).isFalse();
            assertThat(hubRegistry.getTwin(hub, id).orElseThrow().tags().path("chosenBy").asString()).isEqualTo("webhook");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOperationLeftUnclaimedWhenItsNodeStoppedIsFinishedByTheSweep() {
        OperationWork work = enrolledWork();
        RegistrationOperation operation = store.start(work, true);   // the 202 was sent, then the node stopped

        worker.sweep();

        assertThat(TestOperations.awaitEnd(store, operation.operationId()).state()).isEqualTo(RegistrationStatus.ASSIGNED);
    }

    @Test
    void anOperationWhoseNodeDiedMidWayIsFinishedOnceItsClaimRunsOut() {
        OperationWork work = enrolledWork();
        RegistrationOperation operation = store.start(work, true);
        assertThat(store.claim(operation.operationId(), "dead-node", Duration.ofMillis(-1))).isTrue();

        worker.sweep();

        assertThat(TestOperations.awaitEnd(store, operation.operationId()).state()).isEqualTo(RegistrationStatus.ASSIGNED);
        assertThat(store.claim(operation.operationId(), "late-node", Duration.ofMinutes(1))).isFalse();
    }

    private OperationWork enrolledWork() {
        String hub = unique("sweep") + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        String id = unique("orphan");
        individuals.create(id, null, Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null));
        return TestOperations.symmetricKeyWork(instance.idScope(), id);
    }

    private JsonNode registerAndPoll(DeviceRequest request) {
        DeviceResponse accepted = registrations.register(request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        TestOperations.awaitEnd(store, operationId);
        DeviceResponse done = registrations.operationStatus(request, operationId);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return Json.mapper().readTree(done.body());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
