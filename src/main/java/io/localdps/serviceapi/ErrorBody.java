package io.localdps.serviceapi;

import io.localdps.common.Json;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Azure's error body {@code {errorCode, trackingId, message, info, timestampUtc}} (service-api.md
 * §3.9), which the Java and C# clients parse, plus {@code x-ms-error-code} and {@code x-ms-request-id}.
 */
final class ErrorBody {

    private ErrorBody() {
    }

    static String json(int errorCode, String message, Map<String, String> info, Instant now) {
        ObjectNode body = Json.emptyObject();
        body.put("errorCode", errorCode);
        body.put("trackingId", UUID.randomUUID().toString());
        body.put("message", message);
        ObjectNode details = body.putObject("info");
        info.forEach(details::put);
        body.put("timestampUtc", ApiTime.format(now));
        return Json.write(body);
    }

    static void write(HttpServletResponse response, int status, int errorCode, String message, Instant now) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("x-ms-error-code", Integer.toString(errorCode));
        response.setHeader("x-ms-request-id", UUID.randomUUID().toString());
        response.getOutputStream().write(json(errorCode, message, Map.of(), now).getBytes(StandardCharsets.UTF_8));
    }
}
