package io.localdps.registration;

import java.util.Map;

/**
 * What to send back to the device, whatever the transport.
 *
 * @param status            HTTP-style status (200, 202, 400, 401, 404, 429, 500, 503); MQTT puts it
 *                          in the response topic {@code $dps/registrations/res/{status}/?$rid=...}
 * @param body              JSON text (RegistrationOperationStatus, error body or TPM challenge)
 * @param retryAfterSeconds {@code retry-after} for 202/429/503, or null
 * @param headers           extra HTTP headers such as {@code x-ms-error-code}, {@code x-ms-request-id}
 *                          (MQTT ignores them)
 */
public record DeviceResponse(int status, String body, Integer retryAfterSeconds, Map<String, String> headers) {

    public DeviceResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
