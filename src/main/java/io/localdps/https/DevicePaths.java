package io.localdps.https;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The device API's URL shapes (device-api.md §4.1). The fixed segments match case-insensitively
 * through the {@code (?i)} captures; IDs are captured per segment and percent-decoded by Spring
 * (the C SDK sends {@code :} as {@code %3a}).
 */
final class DevicePaths {

    static final String REGISTER = "/{idScope}/{registrations:(?i)registrations}/{registrationId}/{register:(?i)register}";
    static final String OPERATION = "/{idScope}/{registrations:(?i)registrations}/{registrationId}"
            + "/{operations:(?i)operations}/{operationId}";
    /** Everything under {@code /{idScope}/registrations}: unknown device paths get a DPS error body. */
    static final String ANY = "/{idScope}/{registrations:(?i)registrations}/**";

    private static final PathPattern REGISTER_PATTERN = PathPatternParser.defaultInstance.parse(REGISTER);
    private static final PathPattern OPERATION_PATTERN = PathPatternParser.defaultInstance.parse(OPERATION);
    private static final String REGISTRATIONS = "registrations";
    /** The service API's first segments (service-api.md); an ID scope is never one of them. */
    private static final Set<String> SERVICE_API = Set.of("registrations", "enrollments", "enrollmentgroups");

    private DevicePaths() {
    }

    /**
     * True for {@code /{idScope}/registrations[/...]}, the device API's namespace (client-compat.md
     * TLS-2). Service API paths start with their fixed segment instead, even where the second
     * segment happens to be an ID spelled "registrations" ({@code /enrollments/registrations}).
     */
    static boolean isDeviceApi(String requestUri) {
        String[] segments = requestUri.split("/", 4);
        return segments.length >= 3 && segments[0].isEmpty() && !segments[1].isEmpty()
                && !SERVICE_API.contains(segments[1].toLowerCase(Locale.ROOT)) && segments[2].equalsIgnoreCase(REGISTRATIONS);
    }

    /**
     * True for the service REST API's paths ({@code /enrollments}, {@code /enrollmentGroups},
     * {@code /registrations}, each optionally followed by more segments), whatever the case of the
     * first segment (the Node client sends {@code /enrollmentgroups}).
     */
    static boolean isServiceApi(String requestUri) {
        String[] segments = requestUri.split("/", 3);
        return segments.length >= 2 && segments[0].isEmpty() && SERVICE_API.contains(segments[1].toLowerCase(Locale.ROOT));
    }

    /**
     * True for the service API's OpenAPI description and its Swagger UI (springdoc's default paths),
     * which are served next to the service API on the HTTPS port.
     */
    static boolean isApiDocumentation(String requestUri) {
        return requestUri.equals("/v3/api-docs") || requestUri.startsWith("/v3/api-docs/")
                || requestUri.equals("/swagger-ui.html") || requestUri.startsWith("/swagger-ui/");
    }

    /** The method a known device path accepts, for telling "wrong method" (405) from "no such path" (404). */
    static Optional<String> allowedMethod(String requestUri) {
        PathContainer path = PathContainer.parsePath(requestUri);
        if (REGISTER_PATTERN.matches(path)) {
            return Optional.of("PUT");
        }
        if (OPERATION_PATTERN.matches(path)) {
            return Optional.of("GET");
        }
        return Optional.empty();
    }
}
