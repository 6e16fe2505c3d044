package io.localdps.https;

import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.CertificateInUseException;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.lab.KeyAlgorithm;
import io.localdps.lab.LabCertificate;
import io.localdps.lab.LabCertificateService;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationRecordService;
import io.localdps.testsupport.H2Database;
import io.localdps.tls.DeviceTlsMaterial;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #4 end to end, as an admin does it: a chain generated in the certificate lab, its root in
 * the CA store proven by proof of possession, an X.509 group on it, and a device presenting the
 * lab's PKCS#12 download (leaf, intermediate, root) in a real TLS handshake on the HTTPS endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dps.admin.password=lab-e2e-password-1", "vaadin.devmode.devTools.enabled=false"})
class LabChainRegistrationEndToEndTest implements H2Database {

    private static final String API = "?api-version=2021-06-01";
    private static final char[] P12_PASSWORD = "lab-e2e-p12-password".toCharArray();

    @Autowired DeviceTlsMaterial tls;
    @Autowired DeviceHttpsConnector connector;
    @Autowired InstanceService instance;
    @Autowired EnrollmentGroupService groups;
    @Autowired LinkedHubService hubs;
    @Autowired LabCertificateService lab;
    @Autowired CaCertificateService store;
    @Autowired RegistrationRecordService records;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String hub = "lab-e2e-" + run + ".azure-devices.net";

    @Test
    void aLabDeviceRegistersThroughAProvenCaAndIsRefusedWithTheReasonThroughAnUnverifiedOrDeletedOne() throws Exception {
        hubs.link(hub, LinkedHubSettings.defaults());
        LabCertificate root = lab.createRootCa("E2E Root " + run, KeyAlgorithm.RSA_2048, 365);
        LabCertificate intermediate = lab.createIntermediateCa("E2E Intermediate " + run, root.name(), KeyAlgorithm.EC_P256, 300);
        LabCertificate device = lab.createDeviceCertificate("lab-device-" + run, intermediate.name(), KeyAlgorithm.EC_P256, 30);
        CaCertificate uploaded = store.add("e2e-root-" + run, root.certificatePem(), false);
        CaCertificate proven = lab.proveStoreCertificate(uploaded.name(), uploaded.version());
        assertThat(proven.verified()).isTrue();
        String group = groupOn(uploaded.name());

        DeviceClient client = clientPresenting(device);
        JsonNode assigned = registerAndPoll(client, device.name());

        assertThat(assigned.path("status").asString()).isEqualTo("assigned");
        assertThat(assigned.path("registrationState").path("assignedHub").asString()).isEqualTo(hub);
        assertThat(records.get(device.name()).enrollmentGroupId()).isEqualTo(group);
        assertThatThrownBy(() -> store.delete(proven.name(), proven.version()))
                .isInstanceOf(CertificateInUseException.class).hasMessageContaining(group);

        // A second CA, uploaded but never proven: its devices are refused and the record says why.
        LabCertificate secondRoot = lab.createRootCa("E2E Second Root " + run, KeyAlgorithm.EC_P256, 365);
        LabCertificate secondDevice = lab.createDeviceCertificate("lab-second-" + run, secondRoot.name(), KeyAlgorithm.EC_P256, 30);
        CaCertificate unverified = store.add("e2e-second-" + run, secondRoot.certificatePem(), false);
        String secondGroup = groupOn(unverified.name());

        HttpResponse<String> refused = register(clientPresenting(secondDevice), secondDevice.name());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        RegistrationRecord record = records.get(secondDevice.name());
        assertThat(record.enrollmentGroupId()).isEqualTo(secondGroup);
        assertThat(record.errorMessage()).contains("\"" + unverified.name() + "\"").contains("not verified");

        // Once the group is gone the proven CA may be deleted, and the first device is refused too.
        groups.delete(List.of(group));
        store.delete(proven.name(), store.get(proven.name()).version());
        awaitGroupChangesSeen();
        HttpResponse<String> orphaned = register(client, device.name());

        assertThat(orphaned.statusCode()).as(orphaned.body()).isEqualTo(401);
        assertThat(records.get(device.name()).errorMessage())
                .contains("no enrollment group holds a certificate of the presented chain");
    }

    /** The lab's PKCS#12 download (key, leaf and its chain to the root) as the device's TLS identity. */
    private DeviceClient clientPresenting(LabCertificate device) throws Exception {
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(lab.pkcs12(device.name(), new String(P12_PASSWORD))), P12_PASSWORD);
        assertThat(p12.getCertificateChain(device.name())).hasSizeGreaterThanOrEqualTo(2);
        return DeviceClient.tls("TLSv1.3").trusting(tls.trustAnchor()).withKeyStore(p12, P12_PASSWORD).build();
    }

    private String groupOn(String caName) throws InterruptedException {
        String groupId = "lab-group-" + caName;
        groups.create(groupId, Attestation.caReferences(caName, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null));
        awaitGroupChangesSeen();
        return groupId;
    }

    /** Registrations re-read the groups at most every two seconds (GroupAttestor.FRESHNESS). */
    private static void awaitGroupChangesSeen() throws InterruptedException {
        Thread.sleep(2_100);
    }

    private HttpResponse<String> register(DeviceClient client, String id) {
        return client.send(client.put(base(id) + "/register" + API, "{\"registrationId\":\"" + id + "\"}"));
    }

    private JsonNode registerAndPoll(DeviceClient client, String id) throws InterruptedException {
        HttpResponse<String> accepted = register(client, id);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        for (int poll = 0; poll < 200; poll++) {
            HttpResponse<String> status = client.send(client.get(base(id) + "/operations/" + operationId + API));
            if (status.statusCode() != 202) {
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                return Json.mapper().readTree(status.body());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("operation " + operationId + " never ended");
    }

    private String base(String id) {
        return "https://localhost:" + connector.port() + "/" + instance.idScope() + "/registrations/" + id;
    }
}
