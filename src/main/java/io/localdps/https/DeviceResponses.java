package io.localdps.https;

import io.localdps.common.Json;
import io.localdps.registration.DeviceResponse;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Writes DPS answers to HTTP as device-api.md §4.3 shows them: JSON, Retry-After, x-ms-* headers. */
final class DeviceResponses {

    /** Tomcat sends it as {@code application/json;charset=utf-8}: the same media type, without the optional space. */
    static final String JSON = "application/json; charset=utf-8";
    static final String REQUEST_ID = "x-ms-request-id";
    static final String ERROR_CODE = "x-ms-error-code";
    /** Azure's seven fractional digits (device-api.md §2.3). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Framing headers come from the body we write, not from DPS. */
    private static final Set<String> FRAMING = Set.of("content-type", "content-length", "transfer-encoding");

    private DeviceResponses() {
    }

    static void write(HttpServletResponse response, DeviceResponse answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> {
            if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                response.setHeader(name, value);
            }
        });
        if (answer.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()));
        }
        if (response.getHeader(REQUEST_ID) == null) {
            response.setHeader(REQUEST_ID, UUID.randomUUID().toString());
        }
        if (answer.status() >= 400 && response.getHeader(ERROR_CODE) == null) {
            errorCode(answer.body()).ifPresent(code -> response.setHeader(ERROR_CODE, code));
        }
        body(response, answer.body());
    }

    /** The ProvisioningServiceErrorDetails body (device-api.md §2.5); trackingId equals x-ms-request-id. */
    static void error(HttpServletResponse response, DeviceApiException error) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorCode", error.errorCode());
        body.put("trackingId", requestId);
        body.put("message", error.getMessage());
        body.put("timestampUtc", TIMESTAMP.format(Instant.now()));
        response.setStatus(error.status());
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader(ERROR_CODE, Integer.toString(error.errorCode()));
        if (error.allowedMethod() != null) {
            response.setHeader("Allow", error.allowedMethod());
        }
        if (error.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        body(response, Json.write(body));
    }

    private static void body(HttpServletResponse response, String text) throws IOException {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        response.setContentType(JSON);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** DPS implementations put the code in the body; SDKs and logs also read it from the header. */
    private static Optional<String> errorCode(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode code = Json.mapper().readTree(body).get("errorCode");
            return code != null && code.isIntegralNumber() ? Optional.of(code.asString()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
