package io.localdps.operations;

import io.localdps.allocation.WebhookMetrics;
import io.localdps.mqtt.MqttMetrics;
import io.localdps.registration.RegistrationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the console's Overview shows, read from the same meters Prometheus scrapes (plus the
 * per-minute history that meters do not keep), so the two never disagree. Like the meters they are
 * this node's: with several nodes behind a load balancer, Prometheus sums them, the console does not.
 */
@Service
public class LiveFigures {

    /**
     * @param registrationsPerMinute register calls that ended, per minute, oldest first; the last is the running minute
     * @param outcomes               register calls since start by outcome (assigned, failed, disabled, refused), in that order
     * @param assignmentsPerHub      devices assigned since start, by linked hub host name, sorted by name
     * @param operationsInFlight     operations queued or being worked on now
     * @param throttled              register calls answered 429
     * @param tlsHandshakeFailures   failed TLS handshakes with devices
     * @param webhookFailures        custom allocations that chose no hub
     */
    public record Figures(long[] registrationsPerMinute, Map<String, Long> outcomes, Map<String, Long> assignmentsPerHub,
                          long operationsInFlight, long throttled, long tlsHandshakeFailures, long webhookFailures) {
    }

    private final MeterRegistry registry;
    private final RegistrationMetrics registrations;

    LiveFigures(MeterRegistry registry, RegistrationMetrics registrations) {
        this.registry = registry;
        this.registrations = registrations;
    }

    public Figures now() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (RegistrationMetrics.Outcome outcome : RegistrationMetrics.Outcome.values()) {
            outcomes.put(outcome.tag(), 0L);
        }
        for (Counter counter : counters(RegistrationMetrics.REGISTRATIONS)) {
            outcomes.merge(counter.getId().getTag("outcome"), (long) counter.count(), Long::sum);
        }
        Map<String, Long> hubs = new TreeMap<>();
        for (Counter counter : counters(RegistrationMetrics.ASSIGNMENTS)) {
            hubs.merge(counter.getId().getTag("hub"), (long) counter.count(), Long::sum);
        }
        Gauge inFlight = registry.find(RegistrationMetrics.IN_FLIGHT).gauge();
        return new Figures(registrations.registrationsPerMinute(), outcomes, hubs,
                inFlight == null ? 0 : (long) inFlight.value(), total(RegistrationMetrics.THROTTLED),
                total(MqttMetrics.TLS_HANDSHAKE_FAILURES), total(WebhookMetrics.FAILURES));
    }

    private Collection<Counter> counters(String name) {
        return registry.find(name).counters();
    }

    private long total(String name) {
        return (long) counters(name).stream().mapToDouble(Counter::count).sum();
    }
}
