package io.localdps.registration;

import io.localdps.enrollment.AttestationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RegistrationMetrics metrics = new RegistrationMetrics(registry, Clock.systemUTC());

    @Test
    void everyOutcomeAttestationAndTransportIsRegisteredUpFrontAtZero() {
        assertThat(registry.find(RegistrationMetrics.REGISTRATIONS).counters()).hasSize(4 * 4 * 2)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get(RegistrationMetrics.REGISTRATIONS).tags("outcome", "assigned", "attestation", "tpm",
                "transport", "mqtt").counter()).isNotNull();
    }

    @Test
    void anEndedOperationCountsItsOutcomeLatencyAndHub() {
        metrics.ended(work(AttestationType.X509, "MQTT"), RegistrationStatus.ASSIGNED, "hub-a.azure-devices.net",
                Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T08:00:01.5Z"));
        metrics.ended(work(AttestationType.SYMMETRIC_KEY, "HTTPS"), RegistrationStatus.DISABLED, null,
                Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T08:00:00.1Z"));

        assertThat(registry.get(RegistrationMetrics.REGISTRATIONS).tags("outcome", "assigned", "attestation", "x509",
                "transport", "mqtt").counter().count()).isEqualTo(1);
        assertThat(registry.get(RegistrationMetrics.REGISTRATIONS).tags("outcome", "disabled", "attestation", "symmetricKey",
                "transport", "https").counter().count()).isEqualTo(1);
        assertThat(registry.get(RegistrationMetrics.DURATION).tag("outcome", "assigned").timer().totalTime(
                java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(registry.get(RegistrationMetrics.ASSIGNMENTS).tag("hub", "hub-a.azure-devices.net").counter().count())
                .isEqualTo(1);
        assertThat(metrics.registrationsPerMinute()[RegistrationMetrics.MINUTES_KEPT - 1]).isEqualTo(2);
    }

    @Test
    void refusedAndThrottledAttemptsAreCountedByTransport() {
        metrics.refused(DeviceRequest.Transport.HTTPS, null);
        metrics.throttled(DeviceRequest.Transport.MQTT);

        assertThat(registry.get(RegistrationMetrics.REGISTRATIONS).tags("outcome", "refused", "attestation", "unknown",
                "transport", "https").counter().count()).isEqualTo(1);
        assertThat(registry.get(RegistrationMetrics.THROTTLED).tag("transport", "mqtt").counter().count()).isEqualTo(1);
    }

    @Test
    void operationsInFlightRiseWhenQueuedAndFallWhenTheyLeave() {
        metrics.operationQueued();
        metrics.operationQueued();
        metrics.operationLeft();

        assertThat(registry.get(RegistrationMetrics.IN_FLIGHT).gauge().value()).isEqualTo(1);
    }

    @Test
    void aRegisterRefusedByTheRateLimitIsAnswered429AndCountedForItsTransport() {
        RegistrationThrottle oneAMinute = new RegistrationThrottle(1, Clock.systemUTC());
        assertThat(oneAMinute.admit()).isZero(); // the minute's allowance is used up
        // The throttle answers before anything else is asked, so no other collaborator is needed.
        RegistrationService service = new RegistrationService(null, null, null, null, oneAMinute, metrics, 2);

        DeviceResponse answer = service.register(new DeviceRequest("0ne00000001", "device-1", "2021-06-01", null, null,
                DeviceRequest.Transport.HTTPS, null));

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.retryAfterSeconds()).isPositive();
        assertThat(registry.get(RegistrationMetrics.THROTTLED).tag("transport", "https").counter().count()).isEqualTo(1);
        assertThat(registry.get(RegistrationMetrics.THROTTLED).tag("transport", "mqtt").counter().count()).isZero();
    }

    private static OperationWork work(AttestationType type, String transport) {
        return new OperationWork("0ne00000001", "device-1", "2021-06-01", transport, null, type, null, null, null, null, null, null);
    }
}
