package io.localdps.https;

import io.localdps.attestation.TestTpm;
import io.localdps.certificate.TestCertificates;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.IotHubRegistry;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.registration.DeviceTokens;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole registrations over the HTTPS device endpoint with the real DPS behind it: a software TPM
 * through the nonce challenge, and an X.509 group device presenting its chain in the TLS handshake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=https-e2e-password-1", "vaadin.devmode.devTools.enabled=false"})
class HttpsRegistrationEndToEndTest implements H2Database {

    private static final String API = "?api-version=2021-06-01";

    @Autowired DeviceTlsMaterial tls;
    @Autowired DeviceHttpsConnector connector;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired EnrollmentGroupService groups;
    @Autowired LinkedHubService hubs;
    @Autowired IotHubRegistry hubRegistry;

    @Test
    void aSoftwareTpmRegistersThroughTheNonceChallengeAndImportsItsHubKey() {
        String hub = link();
        TestTpm tpm = TestTpm.standard();
        String id = "tpm-" + UUID.randomUUID().toString().substring(0, 8);
        individuals.create(id, null, Attestation.tpm(tpm.endorsementKey()), settings(hub));
        String body = "{\"registrationId\":\"" + id + "\",\"tpm\":{\"endorsementKey\":\"" + tpm.endorsementKey()
                + "\",\"storageRootKey\":\"" + tpm.storageRootKey() + "\"}}";
        DeviceClient device = DeviceClient.tls("TLSv1.2").trusting(tls.trustAnchor()).build();

        HttpResponse<String> challenge = device.send(device.put(base(id) + "/register" + API, body));
        assertThat(challenge.statusCode()).isEqualTo(401);
        byte[] nonce = tpm.importKey(Json.mapper().readTree(challenge.body()).path("authenticationKey").asString());
        String token = DeviceTokens.sas(instance.idScope(), id, nonce, Instant.now().plusSeconds(600));

        JsonNode result = registerAndPoll(device, id, body, token);

        assertThat(result.path("status").asString()).isEqualTo("assigned");
        byte[] hubKey = tpm.importKey(result.path("registrationState").path("tpm").path("authenticationKey").asString());
        assertThat(hubRegistry.findDevice(hub, id).orElseThrow().identity().authentication().primaryKey())
                .isEqualTo(Base64.getEncoder().encodeToString(hubKey));
    }

    @Test
    void anX509GroupDevicePresentsItsChainInTheHandshakeAndIsAssigned() {
        String hub = link();
        String id = "x509-" + UUID.randomUUID().toString().substring(0, 8);
        TestCertificates.Chain chain = TestCertificates.chain(id);
        groups.create("https-x509-" + id, Attestation.signingCertificates(
                new Attestation.Certificate(chain.intermediate().pem(), null), null), settings(hub));
        DeviceClient device = DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor())
                .withCertificate(chain.leaf(), chain.intermediate()).build();

        JsonNode result = registerAndPoll(device, id, "{\"registrationId\":\"" + id + "\"}", null);

        assertThat(result.path("registrationState").path("assignedHub").asString()).isEqualTo(hub);
        assertThat(result.path("registrationState").path("deviceId").asString()).isEqualTo(id);
    }

    private JsonNode registerAndPoll(DeviceClient device, String id, String body, String token) {
        var register = device.put(base(id) + "/register" + API, body);
        if (token != null) {
            register.header("Authorization", token);
        }
        HttpResponse<String> accepted = device.send(register);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        for (int poll = 0; poll < 200; poll++) {
            var get = device.get(base(id) + "/operations/" + operationId + API);
            if (token != null) {
                get.header("Authorization", token);
            }
            HttpResponse<String> status = device.send(get);
            if (status.statusCode() != 202) {
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                return Json.mapper().readTree(status.body());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("never assigned");
    }

    private String base(String id) {
        return "https://localhost:" + connector.port() + "/" + instance.idScope() + "/registrations/" + id;
    }

    private String link() {
        String hub = "https-" + UUID.randomUUID().toString().substring(0, 8) + ".azure-devices.net";
        hubs.link(hub, LinkedHubSettings.defaults());
        return hub;
    }

    private static EnrollmentSettings settings(String hub) {
        return new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null);
    }
}
