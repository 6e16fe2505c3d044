package io.localdps.networking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Connections and requests the IP filter turned away, per transport. A rejected source may retry
 * in a tight loop, so the listeners log a rejection at DEBUG only and this counter is how an
 * operator sees the volume. Both series are registered at start, so they read 0 rather than missing.
 */
@Component
public class IpFilterMetrics {

    public static final String REJECTIONS = "dps.ipfilter.rejections";

    /** Where the rejected client tried to come in. */
    public enum Transport {
        MQTT, HTTPS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter[] rejections = new Counter[Transport.values().length];

    IpFilterMetrics(MeterRegistry registry) {
        for (Transport transport : Transport.values()) {
            rejections[transport.ordinal()] = Counter.builder(REJECTIONS)
                    .description("Connections (MQTT) and requests (HTTPS) rejected by the IP filter or public network access")
                    .tag("transport", transport.tag()).register(registry);
        }
    }

    /** Called on network threads: only increments a counter. */
    public void rejected(Transport transport) {
        rejections[transport.ordinal()].increment();
    }
}
