package io.localdps.registration;

import io.localdps.attestation.SymmetricKeys;
import io.localdps.attestation.TestTpm;
import io.localdps.certificate.TestCertificates;
import io.localdps.common.Json;
import io.localdps.enrollment.Attestation;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.EnrollmentSettings;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.InitialTwin;
import io.localdps.enrollment.ProvisioningStatus;
import io.localdps.enrollment.ReprovisionPolicy;
import io.localdps.enrollment.TargetHubs;
import io.localdps.hub.IotHubRegistry;
import io.localdps.hub.LinkedHubService;
import io.localdps.hub.LinkedHubSettings;
import io.localdps.instance.InstanceService;
import io.localdps.testsupport.H2Database;
import io.localdps.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole registrations through the transport-independent device API, with real enrollments and hubs. */
@ServiceTest
class RegistrationFlowTest implements H2Database {

    @Autowired DeviceRegistrations registrations;
    @Autowired InstanceService instance;
    @Autowired IndividualEnrollmentService individuals;
    @Autowired EnrollmentGroupService groups;
    @Autowired LinkedHubService hubs;
    @Autowired IotHubRegistry hubRegistry;
    @Autowired RegistrationRecordService records;

    private String hubA;
    private String hubB;

    @BeforeEach
    void linkHubs() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        hubA = "a-" + run + ".azure-devices.net";
        hubB = "b-" + run + ".azure-devices.net";
        hubs.link(hubA, LinkedHubSettings.defaults());
        hubs.link(hubB, LinkedHubSettings.defaults());
    }

    @Test
    void aSymmetricKeyDeviceIsAssignedAndItsHubIdentityCarriesTheEnrollmentKeys() {
        String id = unique("sym");
        var enrollment = individuals.create(id, null, Attestation.symmetricKey(null, null), settingsOn(hubA));
        String key = enrollment.attestation().symmetricKey().primaryKey();

        JsonNode result = registerAndPoll(sas(id, key));

        assertThat(result.path("status").asString()).isEqualTo("assigned");
        assertThat(result.path("registrationState").path("assignedHub").asString()).isEqualTo(hubA);
        assertThat(result.path("registrationState").path("substatus").asString()).isEqualTo("initialAssignment");
        var device = hubRegistry.findDevice(hubA, id).orElseThrow();
        assertThat(device.identity().authentication().primaryKey()).isEqualTo(key);
    }

    @Test
    void aGroupDeviceRegistersWithItsDerivedKeyButNotWithTheGroupKeyItself() {
        var group = groups.create(unique("group"), Attestation.symmetricKey(null, null), settingsOn(hubB));
        String groupKey = group.attestation().symmetricKey().primaryKey();
        String id = unique("member");

        DeviceResponse withGroupKey = registrations.register(request(id, sas(id, groupKey), "{}"));
        assertThat(withGroupKey.status()).isEqualTo(401);

        JsonNode result = registerAndPoll(sas(id, SymmetricKeys.deriveDeviceKey(groupKey, id)));
        assertThat(result.path("registrationState").path("assignedHub").asString()).isEqualTo(hubB);
        assertThat(result.path("registrationState").path("symmetricKey").path("enrollmentGroupId").asString())
                .isEqualTo(group.enrollmentGroupId());
        assertThat(records.get(id).enrollmentGroupId()).isEqualTo(group.enrollmentGroupId());
    }

    @Test
    void aGroupCreatedOnThisNodeTakesDevicesAtOnceEvenRightAfterTheGroupsWereRead() {
        var first = groups.create(unique("first"), Attestation.symmetricKey(null, null), settingsOn(hubA));
        String firstDevice = unique("early");
        registerAndPoll(sas(firstDevice, SymmetricKeys.deriveDeviceKey(first.attestation().symmetricKey().primaryKey(), firstDevice)));

        var second = groups.create(unique("second"), Attestation.symmetricKey(null, null), settingsOn(hubB));
        String id = unique("prompt");
        JsonNode result = registerAndPoll(sas(id, SymmetricKeys.deriveDeviceKey(second.attestation().symmetricKey().primaryKey(), id)));

        assertThat(result.path("registrationState").path("symmetricKey").path("enrollmentGroupId").asString())
                .isEqualTo(second.enrollmentGroupId());
    }

    @Test
    void aWrongKeyIsRefusedAndTheRecordSaysWhy() {
        String id = unique("wrong");
        individuals.create(id, null, Attestation.symmetricKey(null, null), settingsOn(hubA));
        DeviceResponse response = registrations.register(request(id, sas(id, SymmetricKeys.generate()), ""));
        assertThat(response.status()).isEqualTo(401);
        assertThat(Json.mapper().readTree(response.body()).path("errorCode").asInt()).isEqualTo(401002);
        assertThat(records.get(id).attempts().attempts().getFirst().detail()).contains("signature matches none of the keys");
    }

    @Test
    void aDisabledIndividualEnrollmentBlocksADeviceOfAnEnabledGroup() {
        var group = groups.create(unique("open"), Attestation.symmetricKey(null, null), settingsOn(hubA));
        String id = unique("blocked");
        individuals.create(id, null, Attestation.symmetricKey(null, null),
                settingsOn(hubA).withProvisioningStatus(ProvisioningStatus.DISABLED));
        JsonNode result = registerAndPoll(sas(id, SymmetricKeys.deriveDeviceKey(group.attestation().symmetricKey().primaryKey(), id)));
        assertThat(result.path("status").asString()).isEqualTo("disabled");
        assertThat(hubRegistry.findDevice(hubA, id)).isEmpty();
    }

    @Test
    void anX509GroupDeviceRegistersWithAChainThroughTheGroupsIntermediate() throws Exception {
        String id = unique("x509");
        TestCertificates.Chain chain = TestCertificates.chain(id);
        groups.create(unique("x509-group"), Attestation.signingCertificates(
                new Attestation.Certificate(chain.intermediate().pem(), null), null), settingsOn(hubA));
        var credentials = new DeviceCredentials.ClientCertificates(List.of(x509(chain.leaf().pem()), x509(chain.intermediate().pem())));

        JsonNode result = registerAndPoll(credentials, id);

        assertThat(result.path("status").asString()).isEqualTo("assigned");
        var device = hubRegistry.findDevice(hubA, id).orElseThrow();
        assertThat(device.identity().authentication().primaryThumbprint())
                .isEqualTo(io.localdps.certificate.CertificateParser.parse(chain.leaf().pem()).sha1Thumbprint());
    }

    @Test
    void aTpmDeviceAnswersTheChallengeAndReceivesItsHubKeyWrappedForItsTpm() {
        TestTpm tpm = TestTpm.standard();
        String id = unique("tpm");
        individuals.create(id, null, Attestation.tpm(tpm.endorsementKey()), settingsOn(hubB));
        String body = "{\"registrationId\":\"" + id + "\",\"tpm\":{\"endorsementKey\":\"" + tpm.endorsementKey()
                + "\",\"storageRootKey\":\"" + tpm.storageRootKey() + "\"}}";

        DeviceResponse challenge = registrations.register(request(id, new DeviceCredentials.None(), body));
        assertThat(challenge.status()).isEqualTo(401);
        byte[] nonce = tpm.importKey(Json.mapper().readTree(challenge.body()).path("authenticationKey").asString());
        String token = DeviceTokens.sas(instance.idScope(), id, nonce, java.time.Instant.now().plusSeconds(600));

        JsonNode result = registerAndPoll(new DeviceCredentials.SasToken(token), id, body);

        assertThat(result.path("status").asString()).isEqualTo("assigned");
        byte[] hubKey = tpm.importKey(result.path("registrationState").path("tpm").path("authenticationKey").asString());
        assertThat(hubRegistry.findDevice(hubB, id).orElseThrow().identity().authentication().primaryKey())
                .isEqualTo(Base64.getEncoder().encodeToString(hubKey));
    }

    @Test
    void reprovisioningFollowsThePolicyMigrateResetAndNever() {
        String id = unique("move");
        InitialTwin twin = new InitialTwin(Json.parseObject("{\"site\":\"first\"}").object(), null);
        var enrollment = individuals.create(id, null, Attestation.symmetricKey(null, null),
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hubA), null, false, twin));
        String key = enrollment.attestation().symmetricKey().primaryKey();
        registerAndPoll(sas(id, key));

        enrollment = individuals.update(id, enrollment.version(), null,
                new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hubB), null, false, twin));
        JsonNode migrated = registerAndPoll(sas(id, key));
        assertThat(migrated.path("registrationState").path("substatus").asString()).isEqualTo("deviceDataMigrated");
        assertThat(migrated.path("registrationState").path("assignedHub").asString()).isEqualTo(hubB);
        assertThat(hubRegistry.findDevice(hubA, id)).isEmpty();
        assertThat(hubRegistry.getTwin(hubB, id).orElseThrow().tags().path("site").asString()).isEqualTo("first");

        enrollment = individuals.update(id, enrollment.version(), null,
                new EnrollmentSettings(null, ReprovisionPolicy.RESET, null, TargetHubs.of(hubB), null, false,
                        new InitialTwin(Json.parseObject("{\"site\":\"reset\"}").object(), null)));
        JsonNode reset = registerAndPoll(sas(id, key));
        assertThat(reset.path("registrationState").path("substatus").asString()).isEqualTo("deviceDataReset");
        assertThat(hubRegistry.getTwin(hubB, id).orElseThrow().tags().path("site").asString()).isEqualTo("reset");

        individuals.update(id, enrollment.version(), null,
                new EnrollmentSettings(null, ReprovisionPolicy.NEVER, null, TargetHubs.of(hubA), null, false, twin));
        JsonNode never = registerAndPoll(sas(id, key));
        assertThat(never.path("registrationState").path("assignedHub").asString()).isEqualTo(hubB);
        assertThat(never.path("registrationState").path("substatus").asString()).isEqualTo("deviceDataReset");
    }

    @Test
    void aPollForAnotherDevicesOperationIsNotFoundAndAnUnknownScopeIsRefused() {
        String id = unique("owner");
        var enrollment = individuals.create(id, null, Attestation.symmetricKey(null, null), settingsOn(hubA));
        DeviceResponse accepted = registrations.register(request(id, sas(id, enrollment.attestation().symmetricKey().primaryKey()), ""));
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();

        String other = unique("other");
        var otherEnrollment = individuals.create(other, null, Attestation.symmetricKey(null, null), settingsOn(hubA));
        DeviceResponse foreign = registrations.operationStatus(
                request(other, sas(other, otherEnrollment.attestation().symmetricKey().primaryKey()), ""), operationId);
        assertThat(foreign.status()).isEqualTo(404);

        DeviceResponse unknownScope = registrations.register(new DeviceRequest("0ne99999999", id, "2021-06-01",
                sas(id, enrollment.attestation().symmetricKey().primaryKey()), new byte[0], DeviceRequest.Transport.HTTPS, null));
        assertThat(unknownScope.status()).isEqualTo(404);
    }

    private JsonNode registerAndPoll(DeviceCredentials credentials) {
        String token = ((DeviceCredentials.SasToken) credentials).token();
        String id = token.substring(token.indexOf("/registrations/") + 15, token.indexOf("&sig="));
        return registerAndPoll(credentials, id);
    }

    private JsonNode registerAndPoll(DeviceCredentials credentials, String id) {
        return registerAndPoll(credentials, id, "{\"registrationId\":\"" + id + "\"}");
    }

    private JsonNode registerAndPoll(DeviceCredentials credentials, String id, String body) {
        DeviceResponse accepted = registrations.register(request(id, credentials, body));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String operationId = Json.mapper().readTree(accepted.body()).path("operationId").asString();
        for (int poll = 0; poll < 200; poll++) {
            DeviceResponse status = registrations.operationStatus(request(id, credentials, ""), operationId);
            if (status.status() != 202) {
                assertThat(status.status()).as(status.body()).isEqualTo(200);
                return Json.mapper().readTree(status.body());
            }
            pause();
        }
        throw new AssertionError("operation " + operationId + " never ended");
    }

    private DeviceRequest request(String id, DeviceCredentials credentials, String body) {
        return new DeviceRequest(instance.idScope(), id, "2021-06-01", credentials, body.getBytes(StandardCharsets.UTF_8),
                DeviceRequest.Transport.HTTPS, null);
    }

    private DeviceCredentials.SasToken sas(String id, String key) {
        return new DeviceCredentials.SasToken(DeviceTokens.sas(instance.idScope(), id, key));
    }

    private static EnrollmentSettings settingsOn(String hub) {
        return new EnrollmentSettings(null, ReprovisionPolicy.MIGRATE, null, TargetHubs.of(hub), null, false, null);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
