package io.localdps.operations;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.accesspolicy.PolicyKey;
import io.localdps.accesspolicy.SharedAccessPolicyService;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.https.DeviceClient;
import io.localdps.https.DeviceHttpsConnector;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.mqtt.PahoV5Device;
import io.localdps.mqtt.Response;
import io.localdps.registration.DeviceTokens;
import io.localdps.registration.RegistrationStore;
import io.localdps.serviceapi.ServiceClient;
import io.localdps.serviceapi.ServiceSas;
import io.localdps.tls.DeviceTlsMaterial;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL goes away under a running node and comes back: while it is away the node
 * reports not ready and devices (and service API callers) are told 503 with a retry-after, nothing is
 * written half-way, and once it is back the node serves registrations again without a restart.
 * The test runs its own PostgreSQL (fixed port and data directory) so it can stop and start it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=outage-password-1", "vaadin.devmode.devTools.enabled=false",
        // Short waits for a connection keep the test quick; production's is 5 s (application.properties).
        "spring.datasource.hikari.connection-timeout=1500",
        "dps.registration.sweep-interval=PT0.5S"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // its database is gone once the JVM ends, and no other test class may get this context
class DatabaseOutagePostgresTest {

    private static final String API = "?api-version=2021-06-01";
    private static Database database;

    @LocalServerPort int consolePort;
    @Autowired DeviceTlsMaterial tls;
    @Autowired DeviceHttpsConnector https;
    @Autowired MqttEndpoint mqtt;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired LinkedHubService hubs;
    @Autowired RegistrationStore registrations;
    @Autowired SharedAccessPolicyService policies;

    @DynamicPropertySource
    static void ownPostgres(DynamicPropertyRegistry registry) {
        database = new Database();
        database.start();
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void whileTheDatabaseIsDownDevicesGet503WithRetryAfterAndOnceItIsBackTheyRegisterWithoutARestart(CapturedOutput output)
            throws Exception {
        Console console = new Console(consolePort);
        String hub = "outage-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        String before = enroll(hub);
        String during = enroll(hub);
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();
        assertThat(registerAndPoll(device, before)).isEqualTo("assigned");
        ServiceClient serviceApi = new ServiceClient(tls.trustAnchor(), https.port());
        String serviceToken = ServiceSas.fromConnectionString(policies.connectionString(
                policies.create("outage-reader", Set.of(AccessRight.ENROLLMENT_READ)), PolicyKey.PRIMARY)).token();

        database.stop();
        try {
            waitUntil(() -> console.get("/actuator/health/readiness").statusCode() == 503, "readiness goes down");
            assertThat(console.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            HttpResponse<String> overHttps = device.send(register(device, during));
            assertThat(overHttps.statusCode()).as(overHttps.body()).isEqualTo(503);
            assertThat(overHttps.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(overHttps.headers().firstValue("x-ms-error-code")).hasValue("503000");
            assertThat(Json.mapper().readTree(overHttps.body()).path("errorCode").asInt()).isEqualTo(503000);

            try (PahoV5Device overMqtt = new PahoV5Device(mqtt.port(), during)) {
                overMqtt.connect(trustingDeviceCa(), instance.idScope() + "/registrations/" + during + "/api-version=2021-06-01",
                        token(during));
                overMqtt.subscribeToResponses();
                overMqtt.publish("$dps/registrations/PUT/iotdps-register/?$rid=1", "{\"registrationId\":\"" + during + "\"}", 1);
                Response answer = overMqtt.nextResponse();
                assertThat(answer.topic()).isEqualTo("$dps/registrations/res/503/?$rid=1&retry-after=10");
                assertThat(Json.mapper().readTree(answer.payload()).path("errorCode").asInt()).isEqualTo(503000);
            }
            HttpResponse<String> enrollment = serviceApi.call("GET", "/enrollments/" + before, serviceToken, null);
            assertThat(enrollment.statusCode()).as(enrollment.body()).isEqualTo(503);
            assertThat(enrollment.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(enrollment.headers().firstValue("x-ms-error-code")).hasValue("503000");

            Thread.sleep(1_500); // a few sweeps of the operation worker run into the outage
        } finally {
            database.start();
        }

        waitUntil(() -> console.get("/actuator/health/readiness").statusCode() == 200, "readiness comes back");
        assertThat(registrations.record(during)).as("nothing was written for the refused attempts").isEmpty();
        assertThat(registerAndPoll(device, during)).isEqualTo("assigned");
        assertThat(serviceApi.call("GET", "/enrollments/" + before, serviceToken, null).statusCode()).isEqualTo(200);
        waitUntil(() -> output.getOut().contains("Database available again"), "the worker notices the recovery");
        assertThat(output.getOut().split("Database unavailable \\(", -1)).as("the outage is logged once").hasSize(2);
        assertThat(output.getOut()).doesNotContain("failed unexpectedly", "Unexpected error occurred in scheduled task");
    }

    private String enroll(String hub) {
        String id = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.symmetricKey(KEY, null), HealthAndMetricsTest.settings(hub));
        return id;
    }

    private static final String KEY = "b3V0YWdlLXRlc3QtcHJpbWFyeS1rZXktMzItYnl0ZXM=";

    private String token(String id) {
        return DeviceTokens.sas(instance.idScope(), id, KEY);
    }

    private java.net.http.HttpRequest.Builder register(DeviceClient device, String id) {
        return device.put(base(id) + "/register" + API, "{\"registrationId\":\"" + id + "\"}").header("Authorization", token(id));
    }

    private String registerAndPoll(DeviceClient device, String id) throws InterruptedException {
        HttpResponse<String> accepted = device.send(register(device, id));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> status = device.send(device.get(base(id) + "/operations/" + operationId + API)
                    .header("Authorization", token(id)));
            if (status.statusCode() != 202) {
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                return Json.mapper().readTree(status.body()).path("status").asString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never assigned");
    }

    private String base(String id) {
        return "https://localhost:" + https.port() + "/" + instance.idScope() + "/registrations/" + id;
    }

    private SSLContext trustingDeviceCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("device-ca", tls.trustAnchor());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    /** An embedded PostgreSQL that can be stopped and started again on the same port and data directory. */
    private static final class Database {

        private final int port = freePort();
        private final Path directory;
        private EmbeddedPostgres server;

        Database() {
            try {
                directory = Files.createTempDirectory("localdps-outage-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "outage-postgres-stop"));
        }

        synchronized void start() {
            try {
                server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(directory)
                        .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }

        synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server = null;
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
