package io.localdps.serviceapi;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description and Swagger UI on the HTTPS port, and not on the console's. */
class ServiceApiDocumentationTest extends ServiceApiTestBase {

    @LocalServerPort
    int consolePort;

    @Test
    void theOpenApiDescriptionListsTheRoutesClientsCallWithoutTheInternalPrefix() {
        HttpResponse<String> response = api.call("GET", "/v3/api-docs", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        List<String> names = new ArrayList<>(paths.propertyNames());
        assertThat(names).contains("/enrollments/{registrationId}", "/enrollments/{registrationId}/attestationmechanism",
                "/enrollments", "/enrollments/query", "/enrollmentGroups/{enrollmentGroupId}", "/enrollmentGroups",
                "/enrollmentGroups/query", "/registrations/{registrationId}", "/registrations/{enrollmentGroupId}/query");
        assertThat(names).noneMatch(path -> path.contains("service-api") || path.contains("**"));
        assertThat(paths.at("/~1enrollments/post")).isNotNull();
        assertThat(paths.at("/~1enrollments~1query/post/parameters").findValuesAsString("name"))
                .contains("api-version", "x-ms-max-item-count", "x-ms-continuation").doesNotContain("query");
        assertThat(json(response).at("/components/securitySchemes/sharedAccessSignature/name").asString())
                .isEqualTo("Authorization");
        assertThat(paths.at("/~1enrollments~1query/post/responses/200/content/application~1json/schema/type").asString())
                .isEqualTo("array");
        String enrollment = paths.at("/~1enrollments~1{registrationId}/put/requestBody/content/application~1json/schema/$ref")
                .asString();
        assertThat(json(response).at("/components/schemas/" + enrollment.substring(enrollment.lastIndexOf('/') + 1)
                + "/properties").has("provisioningStatus")).isTrue();
    }

    @Test
    void swaggerUiIsBrowsableOnTheHttpsPort() {
        HttpResponse<String> page = api.call("GET", "/swagger-ui/index.html", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void theConsolePortServesNeitherTheDescriptionNorTheUi() throws Exception {
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + consolePort + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }
}
