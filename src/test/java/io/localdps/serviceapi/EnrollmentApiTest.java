package io.localdps.serviceapi;

import io.localdps.audit.AuditEntry;
import io.localdps.audit.AuditFilter;
import io.localdps.audit.AuditLogService;
import io.localdps.common.PageRequest;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollment;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.common.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Individual enrollments and groups through the API and back through the shared service layer. */
class EnrollmentApiTest extends ServiceApiTestBase {

    @Autowired
    IndividualEnrollmentService enrollments;
    @Autowired
    EnrollmentGroupService groups;
    @Autowired
    AuditLogService auditLog;
    @LocalServerPort
    int consolePort;

    @Test
    void aKnownPathWithAMethodItDoesNotTakeIs405WithTheAllowedMethodsAndAnUnknownPathStays404() {
        HttpResponse<String> patch = api.call("PATCH", "/enrollments/api-sensor-405", owner, "{}");
        HttpResponse<String> getBulk = api.call("GET", "/enrollmentGroups", owner, null);
        HttpResponse<String> getQuery = api.call("PUT", "/registrations/some-group/query", owner, "{}");
        HttpResponse<String> unknown = api.call("GET", "/enrollments/a/b/c", owner, null);

        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValue("DELETE, GET, PUT");
        assertThat(json(patch).get("errorCode").asInt()).isEqualTo(405000);
        assertThat(json(patch).get("message").asString()).contains("not PATCH");
        assertThat(getBulk.statusCode()).isEqualTo(405);
        assertThat(getBulk.headers().firstValue("Allow")).hasValue("POST");
        assertThat(getQuery.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("errorCode").asInt()).isEqualTo(404201);
    }

    @Test
    void optionalDeviceInformationAndTheIssuancePolicyAreStoredEchoedAndKeptByConsoleEdits() {
        String body = """
                {"registrationId":"api-extras","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "optionalDeviceInformation":{"model":"thermostat-2","firmware":{"version":"1.4.2"}},
                 "clientCertificateIssuancePolicy":{"certificateAuthorityName":"contoso-issuing-ca"}}""";
        HttpResponse<String> put = api.call("PUT", "/enrollments/api-extras", owner, body);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        IndividualEnrollment stored = enrollments.get("api-extras");
        enrollments.update("api-extras", stored.version(), "edited-in-console", stored.settings());

        JsonNode got = json(api.call("GET", "/enrollments/api-extras", owner, null));

        assertThat(got.get("deviceId").asString()).isEqualTo("edited-in-console");
        assertThat(got.at("/optionalDeviceInformation/firmware/version").asString()).isEqualTo("1.4.2");
        assertThat(got.at("/clientCertificateIssuancePolicy/certificateAuthorityName").asString()).isEqualTo("contoso-issuing-ca");

        HttpResponse<String> group = api.call("PUT", "/enrollmentGroups/api-extras-group", owner, """
                {"enrollmentGroupId":"api-extras-group","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "clientCertificateIssuancePolicy":{"certificateAuthorityName":"group-ca"}}""");
        assertThat(json(group).at("/clientCertificateIssuancePolicy/certificateAuthorityName").asString()).isEqualTo("group-ca");
        assertThat(json(api.call("GET", "/enrollmentGroups/api-extras-group", owner, null))
                .at("/clientCertificateIssuancePolicy/certificateAuthorityName").asString()).isEqualTo("group-ca");

        HttpResponse<String> replaced = api.call("PUT", "/enrollments/api-extras", owner, symmetricKeyEnrollment("api-extras"));
        assertThat(json(replaced).has("optionalDeviceInformation")).as("a PUT replaces the whole enrollment").isFalse();
        HttpResponse<String> badPolicy = api.call("PUT", "/enrollments/api-extras-2", owner, """
                {"registrationId":"api-extras-2","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "clientCertificateIssuancePolicy":{"certificateAuthorityName":""}}""");
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(badPolicy.body()).contains("certificateAuthorityName");
    }

    @Test
    void aReprovisionPolicyMissingOneMemberDefaultsThatMemberToTrue() {
        String body = """
                {"registrationId":"api-reprovision","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "reprovisionPolicy":{"migrateDeviceData":false}}""";

        JsonNode put = json(api.call("PUT", "/enrollments/api-reprovision", owner, body));
        api.call("PUT", "/enrollmentGroups/api-reprovision-group", owner, """
                {"enrollmentGroupId":"api-reprovision-group","attestation":{"type":"symmetricKey","symmetricKey":{}},
                 "reprovisionPolicy":{"updateHubAssignment":true}}""");

        assertThat(put.at("/reprovisionPolicy/updateHubAssignment").asBoolean()).isTrue();
        assertThat(put.at("/reprovisionPolicy/migrateDeviceData").asBoolean()).isFalse();
        assertThat(enrollments.get("api-reprovision").settings().reprovisionPolicy())
                .isEqualTo(io.localdps.enrollment.ReprovisionPolicy.RESET);
        assertThat(groups.get("api-reprovision-group").settings().reprovisionPolicy())
                .isEqualTo(io.localdps.enrollment.ReprovisionPolicy.MIGRATE);
        assertThat(json(api.call("PUT", "/enrollments/api-no-policy", owner, symmetricKeyEnrollment("api-no-policy")))
                .has("reprovisionPolicy")).as("absent stays absent (behaviour.md §7.4)").isFalse();
    }

    @Test
    void aChangeThroughTheApiIsAuditedUnderItsPolicyAndARefusedOneIsNot() {
        String writer = tokenWith("audit-writer", io.localdps.accesspolicy.AccessRight.ENROLLMENT_WRITE);
        api.call("PUT", "/enrollments/api-audited", writer, symmetricKeyEnrollment("api-audited"));
        HttpResponse<String> refused = api.call("PUT", "/enrollments/api-audited-2", "SharedAccessSignature sr=x&sig=y&se=1&skn=z",
                symmetricKeyEnrollment("api-audited-2"));

        assertThat(refused.statusCode()).isEqualTo(401);
        AuditFilter byId = new AuditFilter(null, null, "api-audited", null, null);
        assertThat(auditLog.page(byId, PageRequest.first(10))).extracting(AuditEntry::actor, AuditEntry::entityId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("service API (policy audit-writer)", "api-audited"));
    }

    @Test
    void creatingWithAnEmptySymmetricKeyGeneratesKeysThatThePutAnswerShowsAndGetHides() {
        HttpResponse<String> created = api.call("PUT", "/enrollments/api-sensor-1", owner, symmetricKeyEnrollment("api-sensor-1"));

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode body = json(created);
        String primary = body.at("/attestation/symmetricKey/primaryKey").asString();
        assertThat(primary).isNotBlank();
        assertThat(body.get("etag").asString()).startsWith("\"").endsWith("\"");
        assertThat(created.headers().firstValue("etag")).contains(body.get("etag").asString());
        assertThat(body.get("createdDateTimeUtc").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
        assertThat(enrollments.get("api-sensor-1").attestation().symmetricKey().primaryKey()).isEqualTo(primary);

        HttpResponse<String> read = api.call("GET", "/enrollments/api-sensor-1", owner, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).at("/attestation/symmetricKey").isEmpty()).isTrue();
        assertThat(read.body()).doesNotContain(primary);

        HttpResponse<String> mechanism = api.call("POST", "/enrollments/api-sensor-1/attestationMechanism", owner, null);
        assertThat(mechanism.statusCode()).isEqualTo(200);
        assertThat(json(mechanism).at("/symmetricKey/primaryKey").asString()).isEqualTo(primary);
    }

    @Test
    void getModifyPutKeepsTheStoredKeysAndAStaleEtagIsRefusedWith412() {
        api.call("PUT", "/enrollments/api-sensor-2", owner, symmetricKeyEnrollment("api-sensor-2"));
        String keyBefore = enrollments.get("api-sensor-2").attestation().symmetricKey().primaryKey();
        HttpResponse<String> read = api.call("GET", "/enrollments/api-sensor-2", owner, null);
        ObjectNode changed = (ObjectNode) json(read);
        changed.putObject("capabilities").put("iotEdge", true);
        changed.putObject("initialTwin").putObject("tags").put("site", "plant-a");
        String etag = changed.get("etag").asString();

        HttpResponse<String> updated = api.send(api.request("PUT", "/enrollments/api-sensor-2", owner, Json.write(changed))
                .header("if-match", etag));
        HttpResponse<String> stale = api.send(api.request("PUT", "/enrollments/api-sensor-2", owner, Json.write(changed))
                .header("if-match", etag));

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("etag").asString()).isNotEqualTo(etag);
        IndividualEnrollment stored = enrollments.get("api-sensor-2");
        assertThat(stored.attestation().symmetricKey().primaryKey()).isEqualTo(keyBefore);
        assertThat(stored.settings().iotEdge()).isTrue();
        assertThat(stored.settings().initialTwin().tags().get("site").asString()).isEqualTo("plant-a");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("errorCode").asInt()).isEqualTo(412002);
        assertThat(json(stale).has("trackingId")).isTrue();
        assertThat(json(stale).has("timestampUtc")).isTrue();
    }

    @Test
    void deleteWithoutIfMatchDeletesAndAStaleIfMatchIsRefused() {
        api.call("PUT", "/enrollments/api-sensor-3", owner, symmetricKeyEnrollment("api-sensor-3"));

        HttpResponse<String> stale = api.send(api.request("DELETE", "/enrollments/api-sensor-3", owner, null)
                .header("if-match", "\"0-0\""));
        HttpResponse<String> deleted = api.call("DELETE", "/enrollments/api-sensor-3", owner, null);
        HttpResponse<String> gone = api.call("GET", "/enrollments/api-sensor-3", owner, null);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("errorCode").asInt()).isEqualTo(404201);
        assertThat(enrollments.find("api-sensor-3")).isEmpty();
    }

    @Test
    void groupsAnswerOnTheLowerCasePathNodeUsesAndRefuseTpm() {
        HttpResponse<String> created = api.call("PUT", "/enrollmentgroups/api-group-1", owner, symmetricKeyGroup("api-group-1"));
        HttpResponse<String> mechanism = api.call("POST", "/enrollmentgroups/api-group-1/attestationmechanism", owner, null);
        HttpResponse<String> tpm = api.call("PUT", "/enrollmentGroups/api-group-2", owner, """
                {"enrollmentGroupId":"api-group-2","attestation":{"type":"tpm","tpm":{"endorsementKey":"AAAA"}}}""");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(mechanism).at("/symmetricKey/primaryKey").asString())
                .isEqualTo(groups.get("api-group-1").attestation().symmetricKey().primaryKey());
        assertThat(tpm.statusCode()).isEqualTo(400);
        assertThat(json(tpm).at("/info/attestation").asString()).contains("TPM");
        assertThat(groups.find("api-group-2")).isEmpty();
    }

    @Test
    void aPutWhoseBodyIdDiffersFromThePathIsRefusedWith400() {
        HttpResponse<String> response = api.call("PUT", "/enrollments/api-sensor-4", owner, symmetricKeyEnrollment("other"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/info/registrationId").asString()).contains("differs");
    }

    @Test
    void everyApiVersionTheClientsSendIsAcceptedAndAnUnknownOneIsA400() {
        api.call("PUT", "/enrollments/api-sensor-5", owner, symmetricKeyEnrollment("api-sensor-5"));

        for (String version : ApiVersions.ACCEPTED) {
            assertThat(api.call("GET", "/enrollments/api-sensor-5?api-version=" + version, owner, null).statusCode())
                    .as(version).isEqualTo(200);
        }
        HttpResponse<String> unknown = api.call("GET", "/enrollments/api-sensor-5?api-version=2000-01-01", owner, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errorCode").asInt()).isEqualTo(400004);
    }

    @Test
    void theConsolePortDoesNotServeTheApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + consolePort + "/service-api/enrollments/x?api-version=2021-10-01"))
                .header("authorization", owner).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
