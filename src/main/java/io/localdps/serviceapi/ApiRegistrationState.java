package io.localdps.serviceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.localdps.common.Json;
import io.localdps.registration.RegistrationRecord;
import io.localdps.registration.RegistrationStatus;
import io.localdps.registration.Substatus;
import tools.jackson.databind.JsonNode;

/** DeviceRegistrationState (service-api.md §3.6). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiRegistrationState(
        String registrationId,
        String createdDateTimeUtc,
        String assignedHub,
        String deviceId,
        RegistrationStatus status,
        Substatus substatus,
        Integer errorCode,
        String errorMessage,
        String lastUpdatedDateTimeUtc,
        String etag,
        JsonNode payload) {

    static ApiRegistrationState of(RegistrationRecord record) {
        JsonNode payload = record.payload() == null ? null : Json.mapper().readTree(record.payload());
        return new ApiRegistrationState(record.registrationId(), ApiTime.format(record.created()), record.assignedHub(),
                record.deviceId(), record.status(), record.substatus(), record.errorCode(), record.errorMessage(),
                ApiTime.format(record.updated()), record.etag(), payload);
    }
}
