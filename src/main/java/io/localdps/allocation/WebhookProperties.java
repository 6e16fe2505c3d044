package io.localdps.allocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Objects;

/**
 * How DPS calls custom-allocation webhooks ({@code dps.webhook.*}). The retry defaults are Azure's
 * (behaviour.md §10): 10 retries, the first after 1 s, each later one 9 s further apart.
 *
 * @param timeout          how long one call may take, connecting through reading the whole answer
 * @param maxRetries       calls after the first one when the webhook answers 429 or more, or cannot be reached
 * @param firstRetryDelay  the pause before the first retry
 * @param retryIncrement   how much longer each further pause is than the one before
 * @param maxResponseSize  larger answers fail the allocation; the payload must fit in a device message (96 KB)
 */
@ConfigurationProperties("dps.webhook")
public record WebhookProperties(
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("10") int maxRetries,
        @DefaultValue("1s") Duration firstRetryDelay,
        @DefaultValue("9s") Duration retryIncrement,
        @DefaultValue("96KB") DataSize maxResponseSize) {

    public WebhookProperties {
        requirePositive(timeout, "dps.webhook.timeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("dps.webhook.max-retries must not be negative, not " + maxRetries);
        }
        requireNotNegative(firstRetryDelay, "dps.webhook.first-retry-delay");
        requireNotNegative(retryIncrement, "dps.webhook.retry-increment");
        Objects.requireNonNull(maxResponseSize, "dps.webhook.max-response-size");
        if (maxResponseSize.toBytes() < 1 || maxResponseSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dps.webhook.max-response-size must be from 1 byte to 2 GB, not " + maxResponseSize);
        }
    }

    public static WebhookProperties defaults() {
        return new WebhookProperties(Duration.ofSeconds(30), 10, Duration.ofSeconds(1), Duration.ofSeconds(9),
                DataSize.ofKilobytes(96));
    }

    /** The pause before retry number {@code retry} (1 for the first retry): 1 s, 10 s, 19 s, … by default. */
    public Duration delayBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("Retries are counted from 1, not " + retry);
        }
        return firstRetryDelay.plus(retryIncrement.multipliedBy(retry - 1L));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, not " + duration);
        }
    }
}
