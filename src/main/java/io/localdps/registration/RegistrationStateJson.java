package io.localdps.registration;

import io.localdps.common.Json;
import io.localdps.enrollment.AttestationType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code registrationState} a device receives (device-api.md §2.3), built from its record. */
final class RegistrationStateJson {

    private RegistrationStateJson() {
    }

    static ObjectNode of(RegistrationRecord record, String tpmAuthenticationKey) {
        ObjectNode state = Json.emptyObject();
        state.put("registrationId", record.registrationId());
        state.put("createdDateTimeUtc", Timestamps.format(record.created()));
        if (record.status() == RegistrationStatus.ASSIGNED) {
            state.put("assignedHub", record.assignedHub());
            state.put("deviceId", record.deviceId());
        }
        state.put("status", record.status().wireName());
        if (record.status() == RegistrationStatus.ASSIGNED && record.substatus() != null) {
            state.put("substatus", record.substatus().wireName());
        }
        if (record.status() == RegistrationStatus.FAILED || record.status() == RegistrationStatus.DISABLED) {
            state.put("errorCode", record.errorCode());
            state.put("errorMessage", record.errorMessage());
        }
        state.put("lastUpdatedDateTimeUtc", Timestamps.format(record.updated()));
        // Azure sends base64 of the quoted etag; clients never interpret it.
        state.put("etag", Base64.getEncoder().encodeToString(record.etag().getBytes(StandardCharsets.UTF_8)));
        if (record.status() == RegistrationStatus.ASSIGNED && record.payload() != null) {
            state.set("payload", Json.mapper().readTree(record.payload()));
        }
        if (record.attestationType() == AttestationType.TPM && tpmAuthenticationKey != null) {
            state.putObject("tpm").put("authenticationKey", tpmAuthenticationKey);
        }
        if (record.attestationType() == AttestationType.SYMMETRIC_KEY) {
            ObjectNode symmetricKey = state.putObject("symmetricKey");
            if (record.enrollmentGroupId() != null) {
                symmetricKey.put("enrollmentGroupId", record.enrollmentGroupId());
            }
        }
        return state;
    }

    static ObjectNode assigning(String registrationId) {
        ObjectNode state = Json.emptyObject();
        state.put("registrationId", registrationId);
        state.put("status", RegistrationStatus.ASSIGNING.wireName());
        return state;
    }

    static ObjectNode operationStatus(String operationId, RegistrationStatus status, JsonNode registrationState) {
        ObjectNode body = Json.emptyObject();
        body.put("operationId", operationId);
        body.put("status", status.wireName());
        if (registrationState != null) {
            body.set("registrationState", registrationState);
        }
        return body;
    }
}
