package io.localdps.simulation;

import io.localdps.https.DeviceHttpsConnector;
import io.localdps.instance.InstanceService;
import io.localdps.mqtt.MqttEndpoint;
import io.localdps.tls.DeviceTlsMaterial;
import io.localdps.tls.TlsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds this node's device endpoint. The ports are read when a run starts, not at start-up: with
 * port 0 they are only known once the endpoints are bound. The host is {@code localhost} because
 * the fleet runs inside this node and must reach this node, whatever name devices outside use
 * ({@code dps.device-host} may name a load balancer, or not resolve inside the node at all). The
 * generated server certificate names localhost (tls.ServerNames); an operator's certificate
 * ({@code dps.tls.certificate}) names the public host, so then the devices verify its chain against
 * the trust anchor but not its host name.
 */
@Component
class DeviceEndpointLocator {

    static final String HOST = "localhost";

    private final ObjectProvider<MqttEndpoint> mqtt;
    private final ObjectProvider<DeviceHttpsConnector> https;
    private final InstanceService instance;
    private final DeviceTlsMaterial tls;
    private final boolean configuredCertificate;

    DeviceEndpointLocator(ObjectProvider<MqttEndpoint> mqtt, ObjectProvider<DeviceHttpsConnector> https,
                          InstanceService instance, DeviceTlsMaterial tls, TlsProperties tlsProperties) {
        this.mqtt = mqtt;
        this.https = https;
        this.instance = instance;
        this.tls = tls;
        this.configuredCertificate = tlsProperties.configured();
    }

    DeviceEndpoint current() {
        MqttEndpoint mqttEndpoint = mqtt.getIfAvailable();
        int mqttPort = mqttEndpoint != null && mqttEndpoint.isRunning() ? mqttEndpoint.port() : -1;
        DeviceHttpsConnector connector = https.getIfAvailable();
        int httpsPort = connector == null ? -1 : connector.port();
        return new DeviceEndpoint(HOST, mqttPort, httpsPort, instance.idScope(), tls.trustAnchor(), !configuredCertificate);
    }
}
