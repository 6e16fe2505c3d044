package io.localdps.serviceapi;

import io.localdps.accesspolicy.AccessRight;
import io.localdps.enrollment.IndividualEnrollmentService;
import io.localdps.registration.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries and their paging over TLS, as the service SDKs page through them (service-api.md §6). */
class QueryApiTest extends ServiceApiTestBase {

    @Autowired
    IndividualEnrollmentService enrollments;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void pagingThroughAThousandEnrollmentsYieldsEachExactlyOnceAndTheLastPageHasNoContinuation() {
        for (int i = 0; i < 1000; i++) {
            String id = "page-%04d".formatted(i);
            assertThat(api.call("PUT", "/enrollments/" + id, owner, symmetricKeyEnrollment(id)).statusCode()).isEqualTo(200);
        }
        List<String> seen = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            var request = api.request("POST", "/enrollments/query", owner, "{\"query\":\"SELECT * FROM enrollments\"}")
                    .header("x-ms-max-item-count", "97");
            if (continuation != null) {
                request.header("x-ms-continuation", continuation);
            }
            HttpResponse<String> page = api.send(request);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("x-ms-item-type")).containsExactly("Enrollment");
            assertThat(page.headers().firstValue("x-ms-max-item-count")).contains("97");
            JsonNode items = json(page);
            assertThat(items.isArray()).isTrue();
            items.forEach(item -> seen.add(item.get("registrationId").asString()));
            continuation = page.headers().firstValue("x-ms-continuation").orElse(null);
            assertThat(continuation).isNotEqualTo("");
            if (continuation != null) {
                assertThat(items.size()).isEqualTo(97);
            }
            pages++;
        } while (continuation != null && pages < 100);

        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).hasSize((int) enrollments.count());
        assertThat(seen.stream().filter(id -> id.startsWith("page-")).toList()).hasSize(1000);
        assertThat(pages).isGreaterThanOrEqualTo(11);
    }

    @Test
    void withoutAPageSizeTheDefaultIsAHundredAndALargeOneIsCappedAtAThousand() {
        HttpResponse<String> defaulted = query("/enrollments/query", owner, "SELECT * FROM enrollments");
        assertThat(defaulted.headers().firstValue("x-ms-max-item-count")).contains("100");

        HttpResponse<String> capped = api.send(api.request("POST", "/enrollments/query", owner,
                "{\"query\":\"SELECT * FROM enrollments\"}").header("x-ms-max-item-count", "5000"));
        assertThat(capped.headers().firstValue("x-ms-max-item-count")).contains("1000");
    }

    @Test
    void whereProvisioningStatusIsDisabledReturnsOnlyDisabledEnrollments() {
        api.call("PUT", "/enrollments/where-on", owner, symmetricKeyEnrollment("where-on"));
        api.call("PUT", "/enrollments/where-off", owner, symmetricKeyEnrollment("where-off")
                .replace("\"provisioningStatus\":\"enabled\"", "\"provisioningStatus\":\"disabled\""));

        HttpResponse<String> disabled = query("/enrollments/query", owner,
                "SELECT * FROM enrollments WHERE provisioningStatus = 'disabled'");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(ids(disabled)).contains("where-off").doesNotContain("where-on");
        json(disabled).forEach(item -> assertThat(item.get("provisioningStatus").asString()).isEqualTo("disabled"));
        assertThat(disabled.headers().firstValue("x-ms-continuation")).isEmpty();

        HttpResponse<String> either = query("/enrollments/query", owner,
                "select * from ENROLLMENTS where registrationId = 'WHERE-ON' or (registrationId = 'where-off' and provisioningStatus != 'enabled')");
        assertThat(ids(either)).containsExactly("where-off", "where-on");
    }

    @Test
    void groupsAreQueriedWithTheirOwnItemType() {
        api.call("PUT", "/enrollmentGroups/query-group", owner, symmetricKeyGroup("query-group"));

        HttpResponse<String> found = query("/enrollmentgroups/query", owner,
                "SELECT * FROM enrollmentGroups WHERE enrollmentGroupId = 'query-group' AND attestation.type = 'symmetricKey'");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().allValues("x-ms-item-type")).containsExactly("EnrollmentGroup");
        assertThat(json(found).findValuesAsString("enrollmentGroupId")).containsExactly("query-group");
        assertThat(found.body()).doesNotContain("primaryKey");
    }

    @Test
    void registrationsOfAGroupAnswerWithOrWithoutABody() {
        HttpResponse<String> bodiless = api.call("POST", "/registrations/query-group-none/query", owner, null);
        assertThat(bodiless.statusCode()).isEqualTo(200);
        assertThat(bodiless.headers().allValues("x-ms-item-type")).containsExactly("DeviceRegistration");
        assertThat(bodiless.body()).isEqualTo("[]");

        HttpResponse<String> filtered = query("/registrations/query-group-none/query", owner,
                "SELECT * FROM registrations WHERE status = 'assigned'");
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).isEqualTo("[]");

        assertThat(query("/registrations/query-group-none/query", owner, "select * from deviceRegistrations").statusCode())
                .isEqualTo(200);
        assertThat(query("/registrations/query-group-none/query", owner, "*").statusCode()).isEqualTo(200);
        assertThat(query("/registrations/query-group-none/query", owner, "SELECT * FROM enrollments").statusCode())
                .isEqualTo(400);
    }

    @Test
    void enrollmentsAddedOrDeletedBetweenPagesNeitherShiftNorRepeatTheRowsThatStayed() {
        io.localdps.testsupport.TestData.deleteEnrollmentsAndHubs(jdbc);
        for (int i = 0; i < 10; i++) {
            String id = "keyset-%02d".formatted(i);
            api.call("PUT", "/enrollments/" + id, owner, symmetricKeyEnrollment(id));
        }
        HttpResponse<String> first = api.send(api.request("POST", "/enrollments/query", owner,
                "{\"query\":\"SELECT * FROM enrollments\"}").header("x-ms-max-item-count", "4"));
        List<String> seen = new ArrayList<>(json(first).findValuesAsString("registrationId"));
        assertThat(seen).containsExactly("keyset-00", "keyset-01", "keyset-02", "keyset-03");

        enrollments.delete(List.of("keyset-01", "keyset-06"));
        api.call("PUT", "/enrollments/keyset-000", owner, symmetricKeyEnrollment("keyset-000"));
        api.call("PUT", "/enrollments/keyset-07a", owner, symmetricKeyEnrollment("keyset-07a"));
        String continuation = first.headers().firstValue("x-ms-continuation").orElseThrow();
        while (continuation != null) {
            HttpResponse<String> next = api.send(api.request("POST", "/enrollments/query", owner,
                    "{\"query\":\"SELECT * FROM enrollments\"}").header("x-ms-max-item-count", "4")
                    .header("x-ms-continuation", continuation));
            seen.addAll(json(next).findValuesAsString("registrationId"));
            continuation = next.headers().firstValue("x-ms-continuation").orElse(null);
        }

        // An offset of 4 would have skipped keyset-04 after keyset-01 went, and shown keyset-03 twice after keyset-000 came.
        assertThat(seen).containsExactly("keyset-00", "keyset-01", "keyset-02", "keyset-03",
                "keyset-04", "keyset-05", "keyset-07", "keyset-07a", "keyset-08", "keyset-09");
    }

    @Test
    void registrationsOfAGroupArePagedAndFilteredByStatusAndHub() {
        for (int i = 0; i < 5; i++) {
            TestRecords.save(context, "query-rec-" + i, "Query-Records", i % 2 == 0 ? "hub-a.azure-devices.net" : null);
        }
        TestRecords.save(context, "query-rec-other", "other-group", "hub-a.azure-devices.net");

        HttpResponse<String> first = api.send(api.request("POST", "/registrations/query-records/query", owner, null)
                .header("x-ms-max-item-count", "3"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).findValuesAsString("registrationId")).containsExactly("query-rec-0", "query-rec-1", "query-rec-2");
        String continuation = first.headers().firstValue("x-ms-continuation").orElseThrow();
        HttpResponse<String> second = api.send(api.request("POST", "/registrations/query-records/query", owner, null)
                .header("x-ms-max-item-count", "3").header("x-ms-continuation", continuation));
        assertThat(json(second).findValuesAsString("registrationId")).containsExactly("query-rec-3", "query-rec-4");
        assertThat(second.headers().firstValue("x-ms-continuation")).isEmpty();

        HttpResponse<String> assigned = query("/registrations/Query-Records/query", owner,
                "SELECT * FROM registrations WHERE status = 'assigned' AND assignedHub = 'HUB-A.azure-devices.net'");
        assertThat(json(assigned).findValuesAsString("registrationId")).containsExactly("query-rec-0", "query-rec-2", "query-rec-4");
        HttpResponse<String> failed = query("/registrations/query-records/query", owner,
                "SELECT * FROM registrations WHERE status != 'assigned'");
        assertThat(json(failed).findValuesAsString("registrationId")).containsExactly("query-rec-1", "query-rec-3");
    }

    @Test
    void aQueryOutsideTheGrammarOrOnAnUnknownPropertyIsABadRequestWithAClearMessage() {
        HttpResponse<String> syntax = query("/enrollments/query", owner, "SELECT * FROM enrollments WHERE deviceId LIKE 'a%'");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(json(syntax).get("message").asString()).contains("Invalid query");

        HttpResponse<String> property = query("/enrollments/query", owner, "SELECT * FROM enrollments WHERE color = 'red'");
        assertThat(property.statusCode()).isEqualTo(400);
        assertThat(json(property).get("message").asString()).contains("color").contains("provisioningStatus");

        HttpResponse<String> collection = query("/enrollments/query", owner, "SELECT * FROM registrations");
        assertThat(collection.statusCode()).isEqualTo(400);

        HttpResponse<String> token = api.send(api.request("POST", "/enrollments/query", owner,
                "{\"query\":\"SELECT * FROM enrollments\"}").header("x-ms-continuation", "not-a-token"));
        assertThat(token.statusCode()).isEqualTo(400);
    }

    @Test
    void queryingNeedsTheReadRightOfWhatIsQueried() {
        String registrationsOnly = tokenWith("query-registration-reader", AccessRight.REGISTRATION_STATUS_READ);
        String enrollmentsOnly = tokenWith("query-enrollment-reader", AccessRight.ENROLLMENT_READ);

        assertThat(query("/enrollments/query", registrationsOnly, "SELECT * FROM enrollments").statusCode()).isEqualTo(401);
        assertThat(query("/enrollmentGroups/query", registrationsOnly, "SELECT * FROM enrollmentGroups").statusCode()).isEqualTo(401);
        assertThat(query("/enrollments/query", enrollmentsOnly, "SELECT * FROM enrollments").statusCode()).isEqualTo(200);
        assertThat(api.call("POST", "/registrations/g/query", enrollmentsOnly, null).statusCode()).isEqualTo(401);
        assertThat(api.call("POST", "/registrations/g/query", registrationsOnly, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> query(String path, String token, String query) {
        return api.call("POST", path, token, "{\"query\":\"" + query + "\"}");
    }

    private static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        json(response).forEach(item -> ids.add(item.get("registrationId").asString()));
        return ids;
    }
}
