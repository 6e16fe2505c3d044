package io.localdps.simulation;

import java.security.cert.X509Certificate;

/**
 * Where this instance's simulated devices connect: the same host, ports, ID scope and trusted CA a
 * real device would be given, so a run goes over the wire exactly as a device's registration does.
 *
 * @param mqttPort         the bound MQTT port, or -1 when the MQTT endpoint is off
 * @param httpsPort        the bound HTTPS device port, or -1 when it is off
 * @param certificateNamesHost true when the server certificate names {@code host} (the generated one names
 *                         localhost); false for an operator's certificate, whose chain the devices still verify
 */
public record DeviceEndpoint(String host, int mqttPort, int httpsPort, String idScope, X509Certificate trustAnchor,
                             boolean certificateNamesHost) {

    public boolean mqttAvailable() {
        return mqttPort > 0;
    }

    public boolean httpsAvailable() {
        return httpsPort > 0;
    }
}
