package io.localdps.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The MQTT endpoint's meters; the server itself stays free of Spring and Micrometer and calls back. */
@Component
public class MqttMetrics {

    /** Shared with other transports' handshake failures, told apart by the {@code transport} tag. */
    public static final String TLS_HANDSHAKE_FAILURES = "dps.tls.handshake.failures";

    private final Counter tlsHandshakeFailures;

    MqttMetrics(MeterRegistry registry) {
        tlsHandshakeFailures = Counter.builder(TLS_HANDSHAKE_FAILURES)
                .description("TLS handshakes with devices that failed")
                .tag("transport", "mqtt").register(registry);
    }

    void tlsHandshakeFailed() {
        tlsHandshakeFailures.increment();
    }
}
