package io.localdps.registration;

import java.net.InetSocketAddress;

/**
 * One device request as the transport received it.
 *
 * @param idScope        from the URL path or the MQTT user name
 * @param registrationId from the URL path or the MQTT user name, exactly as sent (key
 *                       derivation is case-sensitive)
 * @param apiVersion     the {@code api-version} the device sent (may be null)
 * @param credentials    what the device authenticates with
 * @param body           the raw request body (a {@code DeviceRegistration} JSON for register;
 *                       may be empty, never null)
 * @param transport      which endpoint received it
 * @param remoteAddress  the device's address, for IP rules and lowest-latency allocation
 */
public record DeviceRequest(
        String idScope,
        String registrationId,
        String apiVersion,
        DeviceCredentials credentials,
        byte[] body,
        Transport transport,
        InetSocketAddress remoteAddress) {

    public DeviceRequest {
        body = body == null ? new byte[0] : body;
        credentials = credentials == null ? new DeviceCredentials.None() : credentials;
    }

    public enum Transport { MQTT, HTTPS }
}
