package io.localdps.operations;

import io.localdps.https.DeviceHttpsConnector;
import io.localdps.https.HttpsProperties;
import io.localdps.mqtt.MqttEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code deviceListeners} in the readiness group: a node whose MQTT port is not bound or whose
 * HTTPS device connector has not started cannot take devices, so a load balancer should send them
 * elsewhere. A listener switched off by configuration ({@code dps.mqtt.enabled=false},
 * {@code dps.https.enabled=false}) is reported as such and does not count against readiness.
 */
@Component("deviceListeners")
class DeviceListenersHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<MqttEndpoint> mqtt;
    private final ObjectProvider<DeviceHttpsConnector> https;
    private final HttpsProperties httpsProperties;

    DeviceListenersHealthIndicator(ObjectProvider<MqttEndpoint> mqtt, ObjectProvider<DeviceHttpsConnector> https,
                                   HttpsProperties httpsProperties) {
        super("Device listeners health check failed");
        this.mqtt = mqtt;
        this.https = https;
        this.httpsProperties = httpsProperties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        MqttEndpoint mqttEndpoint = mqtt.getIfAvailable();
        if (mqttEndpoint == null) {
            builder.withDetail("mqtt", "disabled");
        } else if (mqttEndpoint.isRunning()) {
            builder.withDetail("mqtt", "listening on port " + mqttEndpoint.port());
        } else {
            builder.withDetail("mqtt", "not listening");
            up = false;
        }
        DeviceHttpsConnector connector = https.getIfAvailable();
        if (!httpsProperties.enabled() || connector == null) {
            // No connector bean: a context without a web server, where there is no HTTPS endpoint to wait for.
            builder.withDetail("https", "disabled");
        } else if (connector.port() > 0) {
            builder.withDetail("https", "listening on port " + connector.port());
        } else {
            builder.withDetail("https", "not listening");
            up = false;
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
