package io.localdps.registration;

import io.localdps.common.Json;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Error answers in the spec's shape (device-api.md §2.5), with the headers SDKs read. */
final class DeviceErrors {

    private DeviceErrors() {
    }

    static DeviceResponse error(int status, int errorCode, String message) {
        String trackingId = UUID.randomUUID().toString();
        ObjectNode body = Json.emptyObject();
        body.put("errorCode", errorCode);
        body.put("trackingId", trackingId);
        body.put("message", message);
        body.put("timestampUtc", Timestamps.format(Instant.now()));
        return new DeviceResponse(status, Json.write(body), null,
                Map.of("x-ms-error-code", Integer.toString(errorCode), "x-ms-request-id", trackingId));
    }

    /** The TPM challenge of device-api.md §2.6: no {@code status} member, {@code keyName} for the C SDK. */
    static DeviceResponse tpmChallenge(String authenticationKey) {
        ObjectNode body = Json.emptyObject();
        body.put("message", "Authentication required");
        body.put("authenticationKey", authenticationKey);
        body.put("keyName", "registration");
        return new DeviceResponse(401, Json.write(body), null, Map.of("x-ms-request-id", UUID.randomUUID().toString()));
    }
}
