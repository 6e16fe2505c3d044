package io.localdps.serviceapi;

import io.localdps.common.Json;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;

import java.util.Locale;
import java.util.Map;

/** Reading request bodies leniently (unknown fields ignored, service-api.md §1) and writing JSON answers. */
final class ApiBodies {

    static final MediaType JSON = MediaType.parseMediaType("application/json; charset=utf-8");

    private ApiBodies() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ServiceApiException.badRequest("The request has no body.");
        }
        try {
            T value = Json.read(body, type);
            if (value == null) {
                throw ServiceApiException.badRequest("The request body is null.");
            }
            return value;
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n", 2)[0];
            throw ServiceApiException.badRequest("The request body is not valid JSON for this operation: " + message);
        }
    }

    /** IDs in paths are compared with the body's ignoring case (service-api.md §3.1). */
    static void requireSameId(String field, String pathId, String bodyId) {
        if (bodyId == null || bodyId.isBlank()) {
            throw new io.localdps.common.InvalidInputException(Map.of(field, "The body has no " + field + "."));
        }
        if (!bodyId.toLowerCase(Locale.ROOT).equals(pathId.toLowerCase(Locale.ROOT))) {
            throw new io.localdps.common.InvalidInputException(Map.of(field,
                    "The " + field + " in the body (" + bodyId + ") differs from the one in the path (" + pathId + ")."));
        }
    }

    static ResponseEntity<String> ok(Object body, String etag) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok().contentType(JSON);
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.body(Json.write(body));
    }
}
