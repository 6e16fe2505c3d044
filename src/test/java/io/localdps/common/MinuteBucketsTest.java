package io.localdps.common;

import io.localdps.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinuteBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:10Z"));

    @Test
    void eventsCountInTheMinuteTheyHappenedInWithTheRunningMinuteLast() {
        MinuteBuckets buckets = new MinuteBuckets(clock, 3);
        buckets.increment();
        clock.advance(Duration.ofSeconds(55)); // 08:01:05, the next minute
        buckets.increment();
        buckets.increment();

        assertThat(buckets.lastMinutes()).containsExactly(0, 1, 2);
    }

    @Test
    void aQuietMinuteReadsZeroAndTheWindowSlidesOn() {
        MinuteBuckets buckets = new MinuteBuckets(clock, 3);
        buckets.increment();
        clock.advance(Duration.ofMinutes(2));
        buckets.increment();

        assertThat(buckets.lastMinutes()).containsExactly(1, 0, 1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(buckets.lastMinutes()).containsExactly(0, 1, 0);
    }

    @Test
    void aSlotReusedARoundLaterStartsFromZeroNotFromItsOldCount() {
        MinuteBuckets buckets = new MinuteBuckets(clock, 2);
        for (int i = 0; i < 5; i++) {
            buckets.increment();
        }
        clock.advance(Duration.ofMinutes(2)); // the same slot, two minutes on

        buckets.increment();

        assertThat(buckets.lastMinutes()).containsExactly(0, 1);
    }

    @Test
    void afterALongSilenceEverythingReadsZero() {
        MinuteBuckets buckets = new MinuteBuckets(clock, 30);
        buckets.increment();
        clock.advance(Duration.ofHours(5));

        assertThat(buckets.lastMinutes()).hasSize(30).containsOnly(0);
    }

    @Test
    void concurrentIncrementsWithinOneMinuteAreAllCounted() throws Exception {
        MinuteBuckets buckets = new MinuteBuckets(clock, 30);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4_000; i++) {
            threads.execute(buckets::increment);
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(buckets.lastMinutes()[29]).isEqualTo(4_000);
    }

    @Test
    void aWindowNeedsAtLeastOneMinute() {
        assertThatThrownBy(() -> new MinuteBuckets(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
