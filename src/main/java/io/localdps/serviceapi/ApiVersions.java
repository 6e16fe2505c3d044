package io.localdps.serviceapi;

import java.util.Set;

/** The api-versions the service clients send (service-api.md §1); anything else is a 400. */
final class ApiVersions {

    static final Set<String> ACCEPTED = Set.of("2018-04-01", "2018-09-01-preview", "2018-11-01", "2019-03-31",
            "2021-06-01", "2021-10-01", "2021-11-01-preview", "2025-07-01-preview", "2026-04-01");

    /** The stable version of Azure's swagger, offered by the OpenAPI description as the default. */
    static final String DOCUMENTED = "2021-10-01";

    private ApiVersions() {
    }

    static boolean accepted(String apiVersion) {
        return apiVersion != null && ACCEPTED.contains(apiVersion.trim());
    }
}
