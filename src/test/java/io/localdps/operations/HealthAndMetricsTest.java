package io.localdps.operations;

import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.https.DeviceClient;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.registration.DeviceTokens;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes and the Prometheus scrape on the console's port, without a login, against the whole
 * application: devices register over the real HTTPS endpoint and the scrape must show them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=health-metrics-password-1", "vaadin.devmode.devTools.enabled=false"})
class HealthAndMetricsTest implements H2Database {

    private static final String API = "?api-version=2021-06-01";

    @LocalServerPort int consolePort;
    @Autowired DeviceTlsMaterial tls;
    @Autowired DeviceHttpsConnector https;
    @Autowired MqttEndpoint mqtt;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;

    @Test
    void livenessAndReadinessAreUpAndNeedNoLogin() {
        Console console = new Console(consolePort);

        HttpResponse<String> liveness = console.get("/actuator/health/liveness");
        HttpResponse<String> readiness = console.get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(liveness.body()).path("status").asString()).isEqualTo("UP");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessGoesDownWhileTheMqttListenerIsStoppedAndLivenessStaysUp() {
        Console console = new Console(consolePort);
        mqtt.stop();
        try {
            HttpResponse<String> readiness = console.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(readiness.body()).path("status").asString()).isEqualTo("DOWN");
            assertThat(console.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            mqtt.start();
        }
        assertThat(console.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyHealthAndPrometheusAreOpenTheOtherActuatorEndpointsAreNot() {
        Console console = new Console(consolePort);

        HttpResponse<String> environment = console.get("/actuator/env");
        HttpResponse<String> beans = console.get("/actuator/beans");

        assertThat(environment.statusCode()).isNotEqualTo(200);
        assertThat(environment.body()).doesNotContain("propertySources");
        assertThat(beans.statusCode()).isNotEqualTo(200);
        assertThat(beans.body()).doesNotContain("\"beans\"");
    }

    @Test
    void theDevicePortServesNeitherTheProbesNorTheScrape() {
        DeviceClient device = DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor()).build();

        for (String path : new String[]{"/actuator/prometheus", "/actuator/health/readiness"}) {
            HttpResponse<String> answer = device.send(device.get("https://localhost:" + https.port() + path));
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("dps_registrations_total", "\"status\"");
        }
    }

    @Test
    void theScrapeCountsARegistrationByOutcomeAttestationTransportAndHubWithItsLatency() {
        Console console = new Console(consolePort);
        String hub = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        String id = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        String key = individuals.create(id, null, Attestation.symmetricKey(null, null), settings(hub))
                .attestation().symmetricKey().primaryKey();
        Map<String, String> assignedOverHttps = Map.of("outcome", "assigned", "attestation", "symmetricKey", "transport", "https");
        Map<String, String> refusedOverHttps = Map.of("outcome", "refused", "transport", "https");
        double assignedBefore = console.metric("dps_registrations_total", assignedOverHttps);
        double refusedBefore = console.metric("dps_registrations_total", refusedOverHttps);
        double latenciesBefore = console.metric("dps_registration_duration_seconds_count", Map.of("outcome", "assigned"));

        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();
        HttpResponse<String> refused = device.send(register(device, id,
                DeviceTokens.sas(instance.idScope(), id, "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXkhIQ==")));
        assertThat(refused.statusCode()).isEqualTo(401);
        registerAndWaitUntilAssigned(device, id, DeviceTokens.sas(instance.idScope(), id, key));

        assertThat(console.metric("dps_registrations_total", assignedOverHttps)).isEqualTo(assignedBefore + 1);
        assertThat(console.metric("dps_registrations_total", refusedOverHttps)).isEqualTo(refusedBefore + 1);
        assertThat(console.metric("dps_assignments_total", Map.of("hub", hub))).isEqualTo(1);
        assertThat(console.metric("dps_registration_duration_seconds_count", Map.of("outcome", "assigned")))
                .isEqualTo(latenciesBefore + 1);
        // A percentile histogram: cumulative buckets up to +Inf, which holds every registration.
        assertThat(console.metric("dps_registration_duration_seconds_bucket", Map.of("outcome", "assigned", "le", "+Inf")))
                .isEqualTo(latenciesBefore + 1);
        assertThat(console.get("/actuator/prometheus").body())
                .contains("dps_operations_in_flight", "dps_requests_throttled_total{transport=\"mqtt\"}",
                        "dps_webhook_duration_seconds_bucket", "dps_webhook_failures_total{reason=\"unreachable\"}");
    }

    @Test
    void aFailedTlsHandshakeOnTheMqttPortIsCounted() throws Exception {
        Console console = new Console(consolePort);
        Map<String, String> mqttHandshakes = Map.of("transport", "mqtt");
        double before = console.metric("dps_tls_handshake_failures_total", mqttHandshakes);

        // Plain MQTT on the TLS port: the server's TLS layer cannot make a record out of it.
        try (Socket socket = new Socket("localhost", mqtt.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[]{0x10, 0x10, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 4, 'p', 'l', 'a', 'i'});
            out.flush();
            assertThat(socket.getInputStream().readAllBytes()).as("the server hangs up").isNotNull();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (console.metric("dps_tls_handshake_failures_total", mqttHandshakes) < before + 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(console.metric("dps_tls_handshake_failures_total", mqttHandshakes)).isEqualTo(before + 1);
    }

    @Test
    void aFailedTlsHandshakeOnTheHttpsPortIsCountedAndASuccessfulOneIsNot() throws Exception {
        Console console = new Console(consolePort);
        Map<String, String> httpsHandshakes = Map.of("transport", "https");
        double before = console.metric("dps_tls_handshake_failures_total", httpsHandshakes);

        // A client that does not trust the device CA aborts the handshake with an alert.
        java.net.http.HttpClient untrusting = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://localhost:" + https.port() + "/")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        DeviceClient trusting = DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor()).build();
        HttpResponse<String> answered = trusting.send(trusting.get(base("nobody") + "/operations/none" + API));
        assertThat(answered.statusCode()).as("a handshake that succeeds, then a refusal").isGreaterThanOrEqualTo(400);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (console.metric("dps_tls_handshake_failures_total", httpsHandshakes) < before + 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        assertThat(console.metric("dps_tls_handshake_failures_total", httpsHandshakes)).isEqualTo(before + 1);
    }

    private java.net.http.HttpRequest.Builder register(DeviceClient device, String id, String token) {
        return device.put(base(id) + "/register" + API, "{\"registrationId\":\"" + id + "\"}").header("Authorization", token);
    }

    private void registerAndWaitUntilAssigned(DeviceClient device, String id, String token) {
        HttpResponse<String> accepted = device.send(register(device, id, token));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> status = device.send(device.get(base(id) + "/operations/" + operationId + API)
                    .header("Authorization", token));
            if (status.statusCode() != 202) {
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                assertThat(Json.mapper().readTree(status.body()).path("status").asString()).isEqualTo("assigned");
                return;
            }
            sleep();
        }
        throw new AssertionError("never assigned");
    }

    private String base(String id) {
        return "https://localhost:" + https.port() + "/" + instance.idScope() + "/registrations/" + id;
    }

    static EnrollmentSettings settings(String hub) {
        return new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
