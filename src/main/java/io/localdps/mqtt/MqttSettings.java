package io.localdps.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the MQTT device endpoint behaves; plain values so the server and its handlers run without
 * Spring ({@link MqttEndpointProperties} maps {@code dps.mqtt.*} onto it).
 *
 * @param port                 TCP port to listen on; 0 picks a free one
 * @param connectTimeout       how long a new connection may take to finish TLS and send CONNECT
 * @param idleTimeout          how long a connected client with keep-alive 0 may stay silent
 *                             (device-api.md §5.5 suggests 4 minutes)
 * @param maxMessageBytes      largest MQTT packet (remaining length) accepted; behaviour.md §10 says 96 KB
 * @param replyDelay           the least time between a request PUBLISH and its response
 *                             (client-compat.md MQTT-7: the Java client misses replies that come too fast)
 * @param requestThreads       threads that call DeviceRegistrations, so Netty's threads never block
 * @param requestQueueCapacity requests that may wait for one of those threads before the server
 *                             answers 503 / refuses CONNECT with "server unavailable"
 * @param proxyProtocol        every connection starts with a PROXY protocol header (v1 or v2) from a
 *                             TCP proxy in front; the IP filter then judges the client address it names,
 *                             and a connection without a valid header is closed
 */
public record MqttSettings(
        int port,
        Duration connectTimeout,
        Duration idleTimeout,
        int maxMessageBytes,
        Duration replyDelay,
        int requestThreads,
        int requestQueueCapacity,
        boolean proxyProtocol) {

    public static final int DEFAULT_PORT = 8883;

    public MqttSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(replyDelay, "replyDelay");
        if (replyDelay.isNegative()) {
            throw new IllegalArgumentException("replyDelay must not be negative");
        }
        if (maxMessageBytes < 64) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 64, was " + maxMessageBytes);
        }
        if (requestThreads < 1 || requestQueueCapacity < 1) {
            throw new IllegalArgumentException("requestThreads and requestQueueCapacity must be positive");
        }
    }

    /** Without a proxy in front: clients connect directly. */
    public MqttSettings(int port, Duration connectTimeout, Duration idleTimeout, int maxMessageBytes, Duration replyDelay,
                        int requestThreads, int requestQueueCapacity) {
        this(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity, false);
    }

    /** The production defaults, the same as {@link MqttEndpointProperties}'s. */
    public static MqttSettings defaults() {
        return new MqttSettings(DEFAULT_PORT, Duration.ofSeconds(10), Duration.ofMinutes(4), 96 * 1024,
                Duration.ofMillis(100), 8, 1000);
    }

    public MqttSettings withPort(int port) {
        return new MqttSettings(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity,
                proxyProtocol);
    }

    public MqttSettings withConnectTimeout(Duration connectTimeout) {
        return new MqttSettings(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity,
                proxyProtocol);
    }

    public MqttSettings withIdleTimeout(Duration idleTimeout) {
        return new MqttSettings(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity,
                proxyProtocol);
    }

    public MqttSettings withReplyDelay(Duration replyDelay) {
        return new MqttSettings(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity,
                proxyProtocol);
    }

    public MqttSettings withProxyProtocol(boolean proxyProtocol) {
        return new MqttSettings(port, connectTimeout, idleTimeout, maxMessageBytes, replyDelay, requestThreads, requestQueueCapacity,
                proxyProtocol);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
