package io.localdps.simulator;

import io.localdps.simulator.tpm.SoftwareTpm;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of device-api.md §2: the register body, operation results and error bodies. */
final class DpsMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DpsMessages() {
    }

    /** A DeviceRegistration: registrationId, optional payload, and the EK/SRK for TPM devices. */
    static String registerBody(String registrationId, JsonNode payload, SoftwareTpm tpm) {
        ObjectNode body = JSON.createObjectNode();
        body.put("registrationId", registrationId);
        if (tpm != null) {
            ObjectNode keys = body.putObject("tpm");
            keys.put("endorsementKey", tpm.endorsementKeyBase64());
            keys.put("storageRootKey", tpm.storageRootKeyBase64());
        }
        if (payload != null) {
            body.set("payload", payload);
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * The fields of a RegistrationOperationStatus or an error body the simulator reads.
     *
     * @param operationId       operation to poll
     * @param status            operation status ({@code assigning}, {@code assigned}, ...)
     * @param substatus         registrationState.substatus
     * @param assignedHub       registrationState.assignedHub
     * @param deviceId          registrationState.deviceId
     * @param errorCode         registrationState.errorCode, or the error body's errorCode
     * @param errorMessage      registrationState.errorMessage, or the error body's message
     * @param authenticationKey the TPM activation blob (401 challenge body, or registrationState.tpm)
     */
    record Result(String operationId, String status, String substatus, String assignedHub, String deviceId, int errorCode,
                  String errorMessage, String authenticationKey) {

        boolean terminal() {
            return "assigned".equals(status) || "failed".equals(status) || "disabled".equals(status);
        }
    }

    /** Reads a body; a body that is not JSON gives a result with only an error message. */
    static Result read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return new Result(null, null, null, null, null, 0, "answer is not JSON: " + abbreviate(body), null);
        }
        JsonNode state = root.path("registrationState");
        int errorCode = state.path("errorCode").asInt(root.path("errorCode").asInt(0));
        String message = text(state, "errorMessage");
        if (message == null) {
            message = text(root, "message");
        }
        String authenticationKey = text(root, "authenticationKey");
        if (authenticationKey == null) {
            authenticationKey = text(state.path("tpm"), "authenticationKey");
        }
        return new Result(text(root, "operationId"), text(root, "status"), text(state, "substatus"), text(state, "assignedHub"),
                text(state, "deviceId"), errorCode, message, authenticationKey);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
