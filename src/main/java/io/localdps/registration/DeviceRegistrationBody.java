package io.localdps.registration;

import io.localdps.common.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The body of a register call (device-api.md §2.1). Every member is optional: the C# SDK sends an
 * empty body, Python sends {@code "payload": null}.
 */
record DeviceRegistrationBody(String registrationId, String endorsementKey, String storageRootKey, JsonNode payload) {

    static DeviceRegistrationBody parse(byte[] body) {
        if (body.length == 0) {
            return new DeviceRegistrationBody(null, null, null, null);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The request body is not valid JSON.");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new DeviceRegistrationBody(null, null, null, null);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("The request body must be a JSON object.");
        }
        JsonNode tpm = root.path("tpm");
        JsonNode payload = root.get("payload");
        return new DeviceRegistrationBody(text(root.get("registrationId")), text(tpm.get("endorsementKey")),
                text(tpm.get("storageRootKey")), payload == null || payload.isNull() ? null : payload);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    boolean hasTpm() {
        return endorsementKey != null && !endorsementKey.isBlank();
    }
}
