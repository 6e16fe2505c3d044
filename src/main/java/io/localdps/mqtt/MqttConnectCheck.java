package io.localdps.mqtt;

import io.localdps.registration.DeviceRequest;

/**
 * Decides at CONNECT whether a device's credentials deserve a connection. client-compat.md MQTT-8
 * wants a wrong SAS key refused at once with CONNACK 5, but {@link io.localdps.registration.DeviceRegistrations}
 * only judges credentials on register, so the application may supply a bean of this type that
 * verifies them early. Without one every well-formed CONNECT is accepted and a bad token is
 * reported by the register response (401) instead, which every SDK also handles.
 *
 * <p>Called off the event loop, so it may block (database, key derivation).
 */
@FunctionalInterface
public interface MqttConnectCheck {

    enum Verdict {
        ACCEPT,
        /** CONNACK 5 (MQTT 5: 0x87). */
        NOT_AUTHORIZED,
        /** CONNACK 3 (MQTT 5: 0x88), e.g. the store is down. */
        SERVER_UNAVAILABLE
    }

    /**
     * @param connect the device's identity and credentials from the CONNECT user name, password or
     *                TLS client certificate; its body is empty
     */
    Verdict check(DeviceRequest connect);

    static MqttConnectCheck acceptAll() {
        return connect -> Verdict.ACCEPT;
    }
}
