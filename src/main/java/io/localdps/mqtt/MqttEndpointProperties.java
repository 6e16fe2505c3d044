package io.localdps.mqtt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code dps.mqtt.*}: the MQTT device endpoint. See {@link MqttSettings} for what each value does.
 *
 * @param enabled  whether the endpoint starts at all
 * @param port     8883 because the Java device client always dials it (client-compat.md TLS-1); 0 = any free port
 * @param proxyProtocol on only behind a TCP proxy that sends the PROXY protocol header (nginx
 *                 {@code proxy_protocol on;}, HAProxy {@code send-proxy}); then a client that connects
 *                 directly, without the header, is turned away
 */
@ConfigurationProperties("dps.mqtt")
public record MqttEndpointProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8883") int port,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("4m") Duration idleTimeout,
        @DefaultValue("96KB") DataSize maxMessageSize,
        @DefaultValue("100ms") Duration replyDelay,
        @DefaultValue("8") int requestThreads,
        @DefaultValue("1000") int requestQueueCapacity,
        @DefaultValue("false") boolean proxyProtocol) {

    MqttSettings toSettings() {
        return new MqttSettings(port, connectTimeout, idleTimeout, Math.toIntExact(maxMessageSize.toBytes()), replyDelay,
                requestThreads, requestQueueCapacity, proxyProtocol);
    }
}
