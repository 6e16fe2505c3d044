package io.localdps.https;

import io.localdps.registration.DeviceRegistrations;
import io.localdps.registration.DeviceRequest;
import io.localdps.registration.DeviceResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for DPS behind the HTTPS binding: records every request and answers like DPS does
 * (device-api.md §4.4): register → 202 assigning with retry-after 3, poll → 200 assigned. The
 * registration ID {@value #UNKNOWN_DEVICE} is refused with DPS's 401002 body and a request ID of its own.
 */
final class RecordingRegistrations implements DeviceRegistrations {

    static final String OPERATION_ID = "5.316aac5bdc130deb.b1e02da8-c3a0-4ff2-a121-7ea7a6b7f550";
    static final String UNKNOWN_DEVICE = "unknown-device";
    static final String DPS_REQUEST_ID = "c1a3e0f4-0000-4000-8000-000000000001";

    private final List<DeviceRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> polledOperations = new CopyOnWriteArrayList<>();

    @Override
    public DeviceResponse register(DeviceRequest request) {
        requests.add(request);
        if (request.registrationId().equals(UNKNOWN_DEVICE)) {
            return new DeviceResponse(401, """
                    {"errorCode":401002,"trackingId":"%s","message":"Invalid certificate","timestampUtc":"2025-03-02T10:15:01.0000000Z"}"""
                    .formatted(DPS_REQUEST_ID), null, Map.of("x-ms-request-id", DPS_REQUEST_ID));
        }
        return new DeviceResponse(202, """
                {"operationId":"%s","status":"assigning"}""".formatted(OPERATION_ID), 3, Map.of());
    }

    @Override
    public DeviceResponse operationStatus(DeviceRequest request, String operationId) {
        requests.add(request);
        polledOperations.add(operationId);
        return new DeviceResponse(200, """
                {"operationId":"%s","status":"assigned","registrationState":{"registrationId":"%s","status":"assigned",\
                "assignedHub":"plant-a-hub.azure-devices.net","deviceId":"%s"}}"""
                .formatted(operationId, request.registrationId(), request.registrationId()), null, Map.of());
    }

    List<DeviceRequest> requests() {
        return List.copyOf(requests);
    }

    DeviceRequest last() {
        return requests.getLast();
    }

    List<String> polledOperations() {
        return List.copyOf(polledOperations);
    }

    void clear() {
        requests.clear();
        polledOperations.clear();
    }
}
