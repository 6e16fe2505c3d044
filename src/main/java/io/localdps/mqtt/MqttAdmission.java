package io.localdps.mqtt;

import java.net.InetAddress;

/**
 * Whether a client address may use the MQTT device endpoint at all (security.md §5, IP filter and
 * public network access). Asked once per connection on the event loop, so it must be cheap and
 * must not block; the application supplies the networking feature's in-memory rules.
 */
@FunctionalInterface
public interface MqttAdmission {

    boolean admits(InetAddress client);

    static MqttAdmission acceptAll() {
        return client -> true;
    }
}
