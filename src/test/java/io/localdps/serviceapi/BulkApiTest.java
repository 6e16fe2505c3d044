package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.enrollment.EnrollmentGroupService;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.enrollment.ProvisioningStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk operations over TLS (service-api.md §3.7): best effort per item, refused whole only when malformed. */
class BulkApiTest extends ServiceApiTestBase {

    @Autowired
    IndividualEnrollmentService enrollments;
    @Autowired
    EnrollmentGroupService groups;

    @Test
    void aCreateWithOneExistingAndOneInvalidItemStillCreatesTheOthersAndReportsEachFailure() {
        api.call("PUT", "/enrollments/bulk-taken", owner, symmetricKeyEnrollment("bulk-taken"));
        String invalid = "{\"registrationId\":\"bulk-invalid\",\"attestation\":{\"type\":\"tpm\",\"tpm\":{\"endorsementKey\":\"not-base64!\"}}}";

        HttpResponse<String> response = bulk("/enrollments", "create", "enrollments", symmetricKeyEnrollment("bulk-new-1"),
                symmetricKeyEnrollment("bulk-taken"), invalid, symmetricKeyEnrollment("bulk-new-2"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("isSuccessful").asBoolean()).isFalse();
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.at("/errors/0/registrationId").asString()).isEqualTo("bulk-taken");
        assertThat(body.at("/errors/0/errorCode").asInt()).isEqualTo(409201);
        assertThat(body.at("/errors/0/errorStatus").asString()).isNotBlank();
        assertThat(body.at("/errors/1/registrationId").asString()).isEqualTo("bulk-invalid");
        assertThat(body.at("/errors/1/errorCode").asInt() / 1000).isEqualTo(400);
        assertThat(enrollments.find("bulk-new-1")).isPresent();
        assertThat(enrollments.find("bulk-new-2")).isPresent();
        assertThat(enrollments.find("bulk-invalid")).isEmpty();
    }

    @Test
    void theCSdksTrailingSlashAndAnAllSuccessfulCallAnswerIsSuccessfulWithNoErrors() {
        HttpResponse<String> response = bulk("/enrollments/", "create", "enrollments",
                symmetricKeyEnrollment("bulk-slash-1"), symmetricKeyEnrollment("bulk-slash-2"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("isSuccessful").asBoolean()).isTrue();
        assertThat(json(response).get("errors")).isEmpty();
        assertThat(enrollments.find("bulk-slash-2")).isPresent();
    }

    @Test
    void updateIfMatchEtagChangesOnlyTheItemsWhoseEtagIsCurrent() {
        api.call("PUT", "/enrollments/bulk-etag-1", owner, symmetricKeyEnrollment("bulk-etag-1"));
        api.call("PUT", "/enrollments/bulk-etag-2", owner, symmetricKeyEnrollment("bulk-etag-2"));
        String current = enrollments.get("bulk-etag-1").etag();
        String disabled = "\"provisioningStatus\":\"disabled\"";

        HttpResponse<String> response = bulk("/enrollments", "updateIfMatchETag", "enrollments",
                withEtag(symmetricKeyEnrollment("bulk-etag-1"), current).replace("\"provisioningStatus\":\"enabled\"", disabled),
                withEtag(symmetricKeyEnrollment("bulk-etag-2"), "\"stale\"").replace("\"provisioningStatus\":\"enabled\"", disabled),
                symmetricKeyEnrollment("bulk-etag-missing"));

        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("registrationId")).containsExactly("bulk-etag-2", "bulk-etag-missing");
        assertThat(errors.findValues("errorCode")).allSatisfy(code -> assertThat(code.asInt()).isEqualTo(412002));
        assertThat(enrollments.get("bulk-etag-1").settings().provisioningStatus()).isEqualTo(ProvisioningStatus.DISABLED);
        assertThat(enrollments.get("bulk-etag-2").settings().provisioningStatus()).isEqualTo(ProvisioningStatus.ENABLED);
        assertThat(enrollments.find("bulk-etag-missing")).isEmpty();
    }

    @Test
    void updateUpsertsWithoutEtagAndDeleteReportsTheMissingOnes() {
        api.call("PUT", "/enrollments/bulk-upd-1", owner, symmetricKeyEnrollment("bulk-upd-1"));

        HttpResponse<String> updated = bulk("/enrollments", "update", "enrollments",
                symmetricKeyEnrollment("bulk-upd-1").replace("\"iotEdge\":false", "\"iotEdge\":true"),
                symmetricKeyEnrollment("bulk-upd-2"));
        assertThat(json(updated).get("isSuccessful").asBoolean()).isTrue();
        assertThat(enrollments.get("bulk-upd-1").settings().iotEdge()).isTrue();
        assertThat(enrollments.find("bulk-upd-2")).isPresent();

        HttpResponse<String> deleted = bulk("/enrollments", "delete", "enrollments",
                "{\"registrationId\":\"bulk-upd-1\"}", "{\"registrationId\":\"bulk-never-was\"}", "{\"registrationId\":\"bulk-upd-2\"}");
        assertThat(json(deleted).get("errors")).hasSize(1);
        assertThat(json(deleted).at("/errors/0/registrationId").asString()).isEqualTo("bulk-never-was");
        assertThat(json(deleted).at("/errors/0/errorCode").asInt()).isEqualTo(404201);
        assertThat(enrollments.find("bulk-upd-1")).isEmpty();
        assertThat(enrollments.find("bulk-upd-2")).isEmpty();
    }

    @Test
    void groupErrorsNameTheEnrollmentGroupId() {
        api.call("PUT", "/enrollmentGroups/bulk-group-taken", owner, symmetricKeyGroup("bulk-group-taken"));

        HttpResponse<String> response = bulk("/enrollmentGroups/", "create", "enrollmentGroups",
                symmetricKeyGroup("bulk-group-new"), symmetricKeyGroup("bulk-group-taken"));

        JsonNode body = json(response);
        assertThat(body.get("isSuccessful").asBoolean()).isFalse();
        assertThat(body.at("/errors/0/enrollmentGroupId").asString()).isEqualTo("bulk-group-taken");
        assertThat(body.at("/errors/0/registrationId").isMissingNode()).isTrue();
        assertThat(groups.find("bulk-group-new")).isPresent();
    }

    @Test
    void moreThanTenItemsOrAnUnknownModeRefuseTheWholeCallAndChangeNothing() {
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> symmetricKeyEnrollment("bulk-eleven-" + i)).toArray(String[]::new);

        HttpResponse<String> tooMany = bulk("/enrollments", "create", "enrollments", eleven);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(enrollments.find("bulk-eleven-0")).isEmpty();

        HttpResponse<String> badMode = bulk("/enrollments", "upsert", "enrollments", symmetricKeyEnrollment("bulk-mode"));
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(json(badMode).get("message").asString()).contains("upsert");
        assertThat(enrollments.find("bulk-mode")).isEmpty();

        assertThat(api.call("POST", "/enrollments", owner, "{\"mode\":\"create\"").statusCode()).isEqualTo(400);
    }

    @Test
    void bulkNeedsTheWriteRight() {
        String reader = tokenWith("bulk-reader", AccessRight.ENROLLMENT_READ);

        HttpResponse<String> response = api.call("POST", "/enrollments", reader,
                "{\"mode\":\"create\",\"enrollments\":[" + symmetricKeyEnrollment("bulk-unauthorized") + "]}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(enrollments.find("bulk-unauthorized")).isEmpty();
    }

    private HttpResponse<String> bulk(String path, String mode, String field, String... items) {
        String body = "{\"mode\":\"" + mode + "\",\"" + field + "\":["
                + List.of(items).stream().collect(Collectors.joining(",")) + "]}";
        return api.call("POST", path, owner, body);
    }

    private static String withEtag(String item, String etag) {
        return "{\"etag\":\"" + etag.replace("\"", "\\\"") + "\"," + item.strip().substring(1);
    }
}
