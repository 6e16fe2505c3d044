package io.localdps.registration;

import io.localdps.certificate.CaCertificate;
import io.localdps.certificate.CaCertificateFixtures;
import io.localdps.certificate.CaCertificateService;
import io.localdps.certificate.TestCertificates;
import io.localdps.certificate.TestCertificates.Issued;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import io.localdps.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X.509 devices of enrollment groups that trust a CA of the certificate store (caReferences):
 * they register when their chain reaches the CA and the CA is verified at that moment.
 */
@ServiceTest
class CaReferenceRegistrationTest implements H2Database {

    private static final String HUB = "ca-references.azure-devices.net";

    @Autowired DeviceRegistrations registrations;
    @Autowired InstanceService instance;
    @Autowired EnrollmentGroupService groups;
    @Autowired CaCertificateService certificates;
    @Autowired LinkedHubService hubs;
    @Autowired RegistrationRecordService records;
    @Autowired JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Issued root = TestCertificates.rootCa("Root " + run);
    private final Issued intermediate = TestCertificates.certificate("Intermediate " + run).ca().signedBy(root).build();

    @BeforeEach
    void startWithOneHubAndAnEmptyStore() {
        TestData.deleteEnrollmentsAndHubs(jdbc);
        hubs.link(HUB, LinkedHubSettings.defaults());
    }

    @Test
    void aDeviceWhoseChainReachesTheVerifiedCaRegistersThroughTheGroup() {
        CaCertificateFixtures.proven(certificates, "root-" + run, root);
        String group = groupOn("root-" + run);
        String id = "device-" + run;
        Issued leaf = TestCertificates.certificate(id).signedBy(intermediate).build();

        JsonNode result = registerAndPoll(id, chain(leaf, intermediate, root));

        assertThat(result.path("status").asString()).isEqualTo("assigned");
        assertThat(result.path("registrationState").path("assignedHub").asString()).isEqualTo(HUB);
        assertThat(records.get(id).enrollmentGroupId()).isEqualTo(group);
    }

    @Test
    void aDeviceMayOmitTheCaItselfWhenTheCaIssuedTheTopOfItsChain() {
        CaCertificateFixtures.proven(certificates, "root-" + run, root);
        groupOn("root-" + run);
        String id = "short-chain-" + run;
        Issued leaf = TestCertificates.certificate(id).signedBy(intermediate).build();

        assertThat(registerAndPoll(id, chain(leaf, intermediate)).path("status").asString()).isEqualTo("assigned");
    }

    @Test
    void aCaVerifiedOnUploadIsTrustedWithoutTheProof() {
        certificates.add("trusted-" + run, intermediate.pem(), true);
        groupOn("trusted-" + run);
        String id = "trusted-device-" + run;

        JsonNode result = registerAndPoll(id, chain(TestCertificates.certificate(id).signedBy(intermediate).build(), intermediate));

        assertThat(result.path("status").asString()).isEqualTo("assigned");
    }

    @Test
    void aChainToAnUnverifiedCaIsRefusedWithTheReasonInTheRecordUntilTheCaIsVerified() {
        CaCertificate unverified = CaCertificateFixtures.unverified(certificates, "root-" + run, root);
        String group = groupOn("root-" + run);
        String id = "early-device-" + run;
        List<X509Certificate> presented = chain(TestCertificates.certificate(id).signedBy(intermediate).build(), intermediate, root);

        DeviceResponse refused = registrations.register(request(id, presented, body(id)));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("401002");
        RegistrationRecord record = records.get(id);
        assertThat(record.enrollmentGroupId()).isEqualTo(group);
        assertThat(record.errorMessage()).contains("the chain reaches the CA certificate \"root-" + run + "\"")
                .contains("not verified");

        // Verified status is read when the device authenticates, so proving possession lets it in at once.
        CaCertificate pending = certificates.generateVerificationCode(unverified.name(), unverified.version());
        certificates.verify(pending.name(), pending.version(),
                CaCertificateFixtures.verificationCertificate(root, pending.verificationCode()).pem());
        assertThat(registerAndPoll(id, presented).path("status").asString()).isEqualTo("assigned");
    }

    @Test
    void aDeviceWhoseCaWasDeletedIsRefusedAndItsRecordSaysNoGroupHoldsItsChain() {
        CaCertificate ca = certificates.add("root-" + run, root.pem(), true);
        String group = groupOn("root-" + run);
        String id = "orphan-" + run;
        List<X509Certificate> presented = chain(TestCertificates.certificate(id).signedBy(intermediate).build(), intermediate, root);
        assertThat(registerAndPoll(id, presented).path("status").asString()).isEqualTo("assigned");

        groups.delete(List.of(group));
        certificates.delete(ca.name(), ca.version());
        awaitGroupChangesSeen();
        DeviceResponse refused = registrations.register(request(id, presented, body(id)));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(records.get(id).errorMessage()).contains("no enrollment group holds a certificate of the presented chain");
    }

    @Test
    void aChainThatDoesNotReachTheReferencedCaIsRefused() {
        CaCertificateFixtures.proven(certificates, "root-" + run, root);
        groupOn("root-" + run);
        Issued stranger = TestCertificates.rootCa("Stranger " + run);
        String id = "stranger-device-" + run;

        DeviceResponse refused = registrations.register(request(id,
                chain(TestCertificates.certificate(id).signedBy(stranger).build(), stranger), body(id)));

        assertThat(refused.status()).isEqualTo(401);
    }

    /** Creates an X.509 group on the named store certificate and waits until registrations see it. */
    private String groupOn(String caName) {
        String groupId = "ca-group-" + run;
        groups.create(groupId, Attestation.caReferences(caName, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(HUB), null, false, null));
        awaitGroupChangesSeen();
        return groupId;
    }

    /** Registrations read groups at most every {@link GroupAttestor#FRESHNESS}. */
    private static void awaitGroupChangesSeen() {
        pause(GroupAttestor.FRESHNESS.toMillis() + 100);
    }

    private JsonNode registerAndPoll(String id, List<X509Certificate> presented) {
        DeviceResponse accepted = registrations.register(request(id, presented, body(id)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        for (int poll = 0; poll < 200; poll++) {
            DeviceResponse status = registrations.operationStatus(request(id, presented, ""), operationId);
            if (status.status() != 202) {
                assertThat(status.status()).as(status.body()).isEqualTo(200);
                return Json.mapper().readTree(status.body());
            }
            pause(20);
        }
        throw new AssertionError("operation " + operationId + " never ended");
    }

    private DeviceRequest request(String id, List<X509Certificate> presented, String body) {
        return new DeviceRequest(instance.idScope(), id, "2021-06-01", new DeviceCredentials.ClientCertificates(presented),
                body.getBytes(StandardCharsets.UTF_8), DeviceRequest.Transport.HTTPS, null);
    }

    private static String body(String id) {
        return "{\"registrationId\":\"" + id + "\"}";
    }

    private static List<X509Certificate> chain(Issued... certificates) {
        return Arrays.stream(certificates).map(CaReferenceRegistrationTest::x509).toList();
    }

    private static X509Certificate x509(Issued issued) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(issued.der()));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
