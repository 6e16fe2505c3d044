package io.localdps.simulator;

import java.util.Objects;

/**
 * Where the devices register: a DPS global device endpoint (ours or Azure's).
 *
 * @param host      host name or address (also used for TLS host-name verification)
 * @param mqttPort  MQTT over TLS port (Azure: 8883)
 * @param httpsPort HTTPS port (Azure: 443)
 * @param idScope   the DPS instance's ID scope, e.g. {@code 0ne00ABC123}
 * @param trust     which server certificates to accept
 */
public record DpsEndpoint(String host, int mqttPort, int httpsPort, String idScope, Trust trust) {

    public DpsEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(trust, "trust");
        if (host.isBlank() || idScope.isBlank()) {
            throw new IllegalArgumentException("host and ID scope must not be blank");
        }
        if (mqttPort < 1 || mqttPort > 65535 || httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("ports must be 1..65535");
        }
    }

    /** The port the protocol uses. */
    public int port(Protocol protocol) {
        return protocol == Protocol.HTTPS ? httpsPort : mqttPort;
    }
}
