package io.localdps.registration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The optional per-instance limit on register calls (behaviour.md §9), as a token bucket refilled
 * evenly over a minute: a burst of up to a minute's allowance, then the steady rate. Off (0) by
 * default. It counts on this node only.
 */
@Component
class RegistrationThrottle {

    private final int perMinute;
    private final Clock clock;
    private double tokens;
    private long lastRefillNanos;

    RegistrationThrottle(@Value("${dps.registration.rate-limit-per-minute:0}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.tokens = perMinute;
        this.lastRefillNanos = nanos();
    }

    /** @return 0 when the call may proceed, else the seconds to wait (for {@code retry-after}) */
    synchronized int admit() {
        if (perMinute <= 0) {
            return 0;
        }
        long now = nanos();
        double perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        tokens = Math.min(perMinute, tokens + (now - lastRefillNanos) * perNano);
        lastRefillNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / perNano / 1e9));
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
