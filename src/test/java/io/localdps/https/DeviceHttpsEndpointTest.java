package io.localdps.https;

import io.localdps.certificate.TestCertificates;
import io.localdps.common.Json;
import io.localdps.registration.DeviceCredentials;
import io.localdps.registration.DeviceRequest;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.SSLSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTPS device endpoint over real TLS on loopback: java.net.http.HttpClient as the device,
 * trusting only the generated device CA, against the application with a recording stand-in for
 * DPS. "localhost" makes the JDK send no SNI, like the Java device client (client-compat.md TLS-3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.https.port=0",
        "dps.admin.password=https-test-password-1",
        "vaadin.devmode.devTools.enabled=false"
})
class DeviceHttpsEndpointTest implements H2Database {

    private static final String SCOPE = "0ne00ABC123";
    private static final String API = "?api-version=2021-06-01";
    private static final String SAS = "SharedAccessSignature sr=0ne00ABC123%2Fregistrations%2Fsensor-0042"
            + "&sig=Xy3abc%2Bdef%3D&se=1767225600&skn=registration";

    @TestConfiguration
    static class FakeDps {
        @Bean
        @Primary
        RecordingRegistrations recordingRegistrations() {
            return new RecordingRegistrations();
        }
    }

    @Autowired
    RecordingRegistrations dps;
    @Autowired
    DeviceTlsMaterial tls;
    @Autowired
    DeviceHttpsConnector connector;
    @LocalServerPort
    int consolePort;

    @BeforeEach
    void forgetEarlierRequests() {
        dps.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aDeviceRegistersAndGets202WithRetryAfterThenPollsTo200(String protocol) {
        DeviceClient device = DeviceClient.tls(protocol).trusting(tls.trustAnchor()).build();

        HttpResponse<String> registered = device.send(device.put(device("sensor-0042") + "/register" + API,
                "{\"registrationId\":\"sensor-0042\"}").header("Authorization", SAS));
        HttpResponse<String> polled = device.send(device.get(device("sensor-0042") + "/operations/"
                + RecordingRegistrations.OPERATION_ID + API).header("Authorization", SAS));

        assertThat(registered.sslSession().map(SSLSession::getProtocol)).contains(protocol);
        assertThat(registered.statusCode()).isEqualTo(202);
        assertThat(registered.headers().firstValue("Retry-After")).contains("3");
        assertJson(registered);
        assertThat(registered.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(json(registered).get("status").asString()).isEqualTo("assigning");
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json(polled).get("status").asString()).isEqualTo("assigned");
        assertThat(dps.polledOperations()).containsExactly(RecordingRegistrations.OPERATION_ID);
        DeviceRequest register = dps.requests().getFirst();
        assertThat(register.idScope()).isEqualTo(SCOPE);
        assertThat(register.registrationId()).isEqualTo("sensor-0042");
        assertThat(register.apiVersion()).isEqualTo("2021-06-01");
        assertThat(register.transport()).isEqualTo(DeviceRequest.Transport.HTTPS);
        assertThat(new String(register.body(), StandardCharsets.UTF_8)).isEqualTo("{\"registrationId\":\"sensor-0042\"}");
        assertThat(register.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void theServerPresentsTheDeviceTlsMaterialsChainAlsoToAnIpLiteral() throws Exception {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = device.send(device.put("https://127.0.0.1:" + connector.port() + "/" + SCOPE
                + "/registrations/sensor-0042/register" + API, "{}"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0])
                .isEqualTo(tls.certificateChain().getFirst());
    }

    @Test
    void theSasAuthorizationHeaderReachesDpsExactlyAsSent() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        device.send(device.put(device("sensor-0042") + "/register" + API, "{}").header("Authorization", SAS));

        assertThat(dps.last().credentials()).isEqualTo(new DeviceCredentials.SasToken(SAS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void anX509DeviceCertificateFromAnUnknownCaReachesDpsLeafFirstWithItsIntermediate(String protocol) {
        TestCertificates.Chain chain = TestCertificates.chain("x509-device-7");
        DeviceClient device = DeviceClient.tls(protocol).trusting(tls.trustAnchor())
                .withCertificate(chain.leaf(), chain.intermediate()).build();

        HttpResponse<String> response = device.send(device.put(device("x509-device-7") + "/register" + API, "{}"));
        HttpResponse<String> polled = device.send(device.get(device("x509-device-7") + "/operations/op-1" + API));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(dps.requests()).allSatisfy(request -> {
            assertThat(request.credentials()).isInstanceOf(DeviceCredentials.ClientCertificates.class);
            var presented = ((DeviceCredentials.ClientCertificates) request.credentials()).chain();
            assertThat(presented).extracting(X509Certificate::getSubjectX500Principal)
                    .extracting(principal -> principal.getName())
                    .containsExactly("CN=x509-device-7,O=LocalDPS Tests", "CN=LocalDPS Test Intermediate CA,O=LocalDPS Tests");
            assertThat(presented.getFirst()).isEqualTo(DeviceClient.x509(chain.leaf()));
        });
    }

    @Test
    void aDeviceWithoutCertificateOrAuthorizationReachesDpsWithoutCredentials() {
        DeviceClient device = DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor()).build();

        device.send(device.put(device("tpm-node-7") + "/register" + API, "{\"registrationId\":\"tpm-node-7\"}"));

        assertThat(dps.last().credentials()).isEqualTo(new DeviceCredentials.None());
    }

    @Test
    void fixedSegmentsMatchInAnyCaseAndIdsArePercentDecoded() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> registered = device.send(device.put(deviceEndpoint() + "/" + SCOPE
                + "/REGISTRATIONS/line3%3Asensor-1/Register" + API, "{}"));
        HttpResponse<String> polled = device.send(device.get(deviceEndpoint() + "/" + SCOPE
                + "/Registrations/line3%3asensor-1/OPERATIONS/" + RecordingRegistrations.OPERATION_ID + API));

        assertThat(registered.statusCode()).isEqualTo(202);
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(dps.requests()).extracting(DeviceRequest::registrationId).containsExactly("line3:sensor-1", "line3:sensor-1");
    }

    @Test
    void dpsErrorsKeepTheirStatusBodyAndRequestIdAndGainTheErrorCodeHeader() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> refused = device.send(device.put(device(RecordingRegistrations.UNKNOWN_DEVICE) + "/register" + API, "{}"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertJson(refused);
        assertThat(refused.headers().firstValue("x-ms-request-id")).contains(RecordingRegistrations.DPS_REQUEST_ID);
        assertThat(refused.headers().firstValue("x-ms-error-code")).contains("401002");
        assertThat(json(refused).get("message").asString()).isEqualTo("Invalid certificate");
    }

    @Test
    void aMissingApiVersionIs400WithADpsErrorBody() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = device.send(device.put(device("sensor-0042") + "/register", "{}"));

        assertDpsError(response, 400, 400004);
        assertThat(json(response).get("message").asString()).contains("api-version");
        assertThat(dps.requests()).isEmpty();
    }

    @Test
    void anApiVersionThatIsNoDateIs400() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = device.send(device.get(device("sensor-0042") + "/operations/op-1?api-version=latest"));

        assertDpsError(response, 400, 400004);
        assertThat(dps.requests()).isEmpty();
    }

    @Test
    void aNonJsonContentTypeIs415() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = device.send(device.put(device("sensor-0042") + "/register" + API, "registrationId=x")
                .setHeader("Content-Type", "text/plain"));

        assertDpsError(response, 415, 415000);
        assertThat(dps.requests()).isEmpty();
    }

    @Test
    void aBodyOver96KilobytesIs413AndOneAtTheLimitIsAccepted() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();
        String atLimit = "{\"payload\":\"" + "x".repeat(96 * 1024 - 14) + "\"}";

        HttpResponse<String> accepted = device.send(device.put(device("sensor-0042") + "/register" + API, atLimit));
        HttpResponse<String> refused = device.send(device.put(device("sensor-0042") + "/register" + API, atLimit + " "));

        assertThat(atLimit.length()).isEqualTo(96 * 1024);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertDpsError(refused, 413, 413000);
        assertThat(dps.requests()).hasSize(1);
    }

    @Test
    void anUnknownDevicePathIs404AndAWrongMethodIs405() {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> unknown = device.send(device.put(device("sensor-0042") + "/deregister" + API, "{}"));
        HttpResponse<String> wrongMethod = device.send(device.get(device("sensor-0042") + "/register" + API));

        assertDpsError(unknown, 404, 404000);
        assertDpsError(wrongMethod, 405, 405000);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("PUT");
        assertThat(dps.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/linked-hubs", "/VAADIN/build/", "/error"})
    void consolePathsAreNotServedOnTheDevicePort(String path) {
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = device.send(device.get(deviceEndpoint() + path));

        assertDpsError(response, 404, 404000);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theDeviceApiIsNotServedOnTheConsolePort() {
        DeviceClient plain = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = plain.send(plain.put("http://localhost:" + consolePort + "/" + SCOPE
                + "/registrations/sensor-0042/register" + API, "{}").header("Authorization", SAS));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(dps.requests()).isEmpty();
    }

    @Test
    void theConsoleStillSendsStrangersToItsLoginPage() {
        DeviceClient plain = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> response = plain.send(plain.get("http://localhost:" + consolePort + "/linked-hubs"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private String deviceEndpoint() {
        return "https://localhost:" + connector.port();
    }

    private String device(String registrationId) {
        return deviceEndpoint() + "/" + SCOPE + "/registrations/" + registrationId;
    }

    private static void assertDpsError(HttpResponse<String> response, int status, int errorCode) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertJson(response);
        JsonNode body = json(response);
        assertThat(body.get("errorCode").asInt()).isEqualTo(errorCode);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(body.get("timestampUtc").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z");
        assertThat(response.headers().firstValue("x-ms-error-code")).contains(Integer.toString(errorCode));
        assertThat(response.headers().firstValue("x-ms-request-id")).contains(body.get("trackingId").asString());
    }

    private static void assertJson(HttpResponse<String> response) {
        MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }
}
