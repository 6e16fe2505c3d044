package io.localdps.registration;

import io.localdps.common.MinuteBuckets;
import io.localdps.enrollment.AttestationType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registration feature's meters, recorded at its seams: an attempt refused at attestation, one
 * throttled, an operation that ended. Every tag combination but the hub is known up front and
 * registered at start, so Prometheus shows zeros rather than missing series and the request path
 * only indexes an array. Per node, like every Micrometer meter.
 */
@Component
public class RegistrationMetrics {

    public static final String REGISTRATIONS = "dps.registrations";
    public static final String DURATION = "dps.registration.duration";
    public static final String ASSIGNMENTS = "dps.assignments";
    public static final String THROTTLED = "dps.requests.throttled";
    public static final String IN_FLIGHT = "dps.operations.in.flight";
    /** How far back {@link #registrationsPerMinute()} looks. */
    public static final int MINUTES_KEPT = 30;

    /** The outcomes of a register call: the terminal states, and refused when attestation fails. */
    public enum Outcome {
        ASSIGNED, FAILED, DISABLED, REFUSED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter[] registrations;
    private final Counter[] throttled;
    private final Timer[] durations;
    private final Map<String, Counter> assignments = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MinuteBuckets perMinute;

    RegistrationMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.perMinute = new MinuteBuckets(clock, MINUTES_KEPT);
        DeviceRequest.Transport[] transports = DeviceRequest.Transport.values();
        registrations = new Counter[Outcome.values().length * (AttestationType.values().length + 1) * transports.length];
        for (Outcome outcome : Outcome.values()) {
            for (int type = 0; type <= AttestationType.values().length; type++) {
                for (DeviceRequest.Transport transport : transports) {
                    registrations[index(outcome, type, transport)] = Counter.builder(REGISTRATIONS)
                            .description("Register calls by how they ended")
                            .tag("outcome", outcome.tag())
                            .tag("attestation", type == AttestationType.values().length ? "unknown" : tag(AttestationType.values()[type]))
                            .tag("transport", tag(transport))
                            .register(registry);
                }
            }
        }
        throttled = new Counter[transports.length];
        for (DeviceRequest.Transport transport : transports) {
            throttled[transport.ordinal()] = Counter.builder(THROTTLED)
                    .description("Register calls answered 429 by the instance's rate limit")
                    .tag("transport", tag(transport)).register(registry);
        }
        durations = new Timer[Outcome.values().length];
        for (Outcome outcome : Outcome.values()) {
            durations[outcome.ordinal()] = Timer.builder(DURATION)
                    .description("From the register call to the operation's end")
                    .tag("outcome", outcome.tag())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofMinutes(5)) // a custom-allocation webhook's retries
                    .register(registry);
        }
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Operations this node has queued or is working on")
                .register(registry);
    }

    void refused(DeviceRequest.Transport transport, AttestationType type) {
        count(Outcome.REFUSED, type, transport);
    }

    void throttled(DeviceRequest.Transport transport) {
        throttled[transport.ordinal()].increment();
    }

    /** An operation reached its terminal state; counted once the transaction that wrote it commits. */
    void ended(OperationWork work, RegistrationStatus status, String hub, Instant started, Instant ended) {
        Outcome outcome = switch (status) {
            case ASSIGNED -> Outcome.ASSIGNED;
            case DISABLED -> Outcome.DISABLED;
            default -> Outcome.FAILED;
        };
        DeviceRequest.Transport transport = transport(work.transport());
        Runnable record = () -> {
            count(outcome, work.attestationType(), transport);
            if (started != null) {
                durations[outcome.ordinal()].record(Duration.between(started, ended));
            }
            if (hub != null) {
                assignments.computeIfAbsent(hub, name -> Counter.builder(ASSIGNMENTS)
                        .description("Devices assigned, by linked IoT hub").tag("hub", name).register(registry)).increment();
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }

    void operationQueued() {
        inFlight.incrementAndGet();
    }

    void operationLeft() {
        inFlight.decrementAndGet();
    }

    /** Register calls that ended (any outcome) per minute on this node, oldest first, the running minute last. */
    public long[] registrationsPerMinute() {
        return perMinute.lastMinutes();
    }

    private void count(Outcome outcome, AttestationType type, DeviceRequest.Transport transport) {
        if (transport != null) {
            registrations[index(outcome, type == null ? AttestationType.values().length : type.ordinal(), transport)].increment();
        }
        perMinute.increment();
    }

    private static int index(Outcome outcome, int type, DeviceRequest.Transport transport) {
        int transports = DeviceRequest.Transport.values().length;
        return (outcome.ordinal() * (AttestationType.values().length + 1) + type) * transports + transport.ordinal();
    }

    private static DeviceRequest.Transport transport(String name) {
        try {
            return name == null ? null : DeviceRequest.Transport.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The attestation's service-API name (symmetricKey, x509, tpm). */
    public static String tag(AttestationType type) {
        return switch (type) {
            case SYMMETRIC_KEY -> "symmetricKey";
            case X509 -> "x509";
            case TPM -> "tpm";
        };
    }

    private static String tag(DeviceRequest.Transport transport) {
        return transport.name().toLowerCase(Locale.ROOT);
    }
}
