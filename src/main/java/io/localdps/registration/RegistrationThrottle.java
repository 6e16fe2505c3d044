package io.localdps.registration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * The optional per-instance limit on register calls (behaviour.md §9), as a token bucket refilled
 * evenly over a minute: a burst of up to a minute's allowance, then the steady rate. Off (0) by
 * default, and then no query is made. The bucket is one database row taken under a row lock (V12),
 * so the limit is the instance's however many nodes share the database.
 */
@Service
class RegistrationThrottle {

    private static final double PER_MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private Bucket localBucket = new Bucket(Double.MAX_VALUE, 0);

    @Autowired
    RegistrationThrottle(@Value("${dps.registration.rate-limit-per-minute:0}") int perMinute, Clock clock,
                         JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A bucket in this object only, for unit tests of what sits in front of the database. */
    RegistrationThrottle(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.jdbc = null;
        this.transaction = null;
    }

    /** @return 0 when the call may proceed, else the seconds to wait (for {@code retry-after}) */
    int admit() {
        if (perMinute <= 0) {
            return 0;
        }
        if (transaction == null) {
            synchronized (this) {
                Taken taken = take(localBucket, nanos(), perMinute);
                localBucket = taken.bucket();
                return taken.waitSeconds();
            }
        }
        Integer wait = transaction.execute(status -> {
            Bucket bucket = jdbc.sql("SELECT tokens, refilled_nanos FROM registration_rate_bucket WHERE id = 1 FOR UPDATE")
                    .query((row, index) -> new Bucket(row.getDouble("tokens"), row.getLong("refilled_nanos"))).single();
            Taken taken = take(bucket, nanos(), perMinute);
            jdbc.sql("UPDATE registration_rate_bucket SET tokens = :tokens, refilled_nanos = :refilled WHERE id = 1")
                    .param("tokens", taken.bucket().tokens()).param("refilled", taken.bucket().refilledNanos()).update();
            return taken.waitSeconds();
        });
        return wait == null ? 0 : wait;
    }

    record Bucket(double tokens, long refilledNanos) {
    }

    record Taken(Bucket bucket, int waitSeconds) {
    }

    /**
     * Refills the bucket up to {@code now} and takes a token if there is one. Nodes' clocks differ a
     * little: a node behind the last refill neither refills nor moves the refill time back.
     */
    static Taken take(Bucket bucket, long nowNanos, int perMinute) {
        double perNano = perMinute / PER_MINUTE_NANOS;
        long refilled = Math.max(bucket.refilledNanos(), nowNanos);
        double tokens = Math.min(perMinute, bucket.tokens() + Math.max(0, nowNanos - bucket.refilledNanos()) * perNano);
        if (tokens >= 1) {
            return new Taken(new Bucket(tokens - 1, refilled), 0);
        }
        return new Taken(new Bucket(tokens, refilled), (int) Math.max(1, Math.ceil((1 - tokens) / perNano / 1e9)));
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
