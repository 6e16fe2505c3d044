package io.localdps.registration;

/**
 * The device runtime API of DPS, independent of the transport (device-api.md §3). The MQTT and
 * HTTPS endpoints only translate their wire format into {@link DeviceRequest}s and write the
 * {@link DeviceResponse} back: status code, JSON body and retry-after. Everything else
 * (attestation, enrollment lookup, operations, allocation) happens behind this interface.
 */
public interface DeviceRegistrations {

    /**
     * The device's <em>register</em> call ({@code PUT .../register}, MQTT
     * {@code $dps/registrations/PUT/iotdps-register/}). Answers 202 with a new operation,
     * 401/404 with an error body for failed attestation, or 401 with a TPM challenge.
     */
    DeviceResponse register(DeviceRequest request);

    /**
     * The device's <em>operation status</em> poll ({@code GET .../operations/{operationId}}, MQTT
     * {@code $dps/registrations/GET/iotdps-get-operationstatus/}): 202 while assigning, 200 with
     * the terminal registration state, 404 for an operation of another device.
     */
    DeviceResponse operationStatus(DeviceRequest request, String operationId);

    /**
     * Whether a connecting device's credentials would be accepted, so MQTT can refuse a wrong key at
     * CONNECT as Azure does (client-compat.md MQTT-8). The request has an empty body.
     */
    default boolean credentialsAccepted(DeviceRequest connect) {
        return true;
    }
}
