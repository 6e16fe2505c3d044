package io.localdps.allocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * The custom-allocation webhook's meters: how long a decision took (all calls and retries
 * included, since that is what the device waits for) and why decisions failed. All meters are
 * registered up front.
 */
@Component
public class WebhookMetrics {

    public static final String DURATION = "dps.webhook.duration";
    public static final String FAILURES = "dps.webhook.failures";

    /** Why no hub came out of the webhook. */
    public enum Failure {
        /** No answer: refused connection, timeout, broken transfer, after every retry. */
        UNREACHABLE,
        /** Answered with an error status, after every retry for transient ones. */
        ERROR_STATUS,
        /** Answered 200, but with no usable hub or an answer too large. */
        INVALID_ANSWER,
        /** The enrollment's webhook URL cannot be posted to. */
        INVALID_URL;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Timer assigned;
    private final Timer failed;
    private final Counter[] failures = new Counter[Failure.values().length];

    WebhookMetrics(MeterRegistry registry) {
        assigned = timer(registry, "assigned");
        failed = timer(registry, "failed");
        for (Failure failure : Failure.values()) {
            failures[failure.ordinal()] = Counter.builder(FAILURES).description("Custom allocations that chose no hub")
                    .tag("reason", failure.tag()).register(registry);
        }
    }

    /** Meters kept nowhere, for a client built outside Spring (unit tests of the client). */
    static WebhookMetrics unregistered() {
        return new WebhookMetrics(new SimpleMeterRegistry());
    }

    void decided(Duration took) {
        assigned.record(took);
    }

    void failed(Failure why, Duration took) {
        failed.record(took);
        failures[why.ordinal()].increment();
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(DURATION).description("Time to a custom-allocation decision, retries included")
                .tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }
}
