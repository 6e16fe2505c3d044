package io.localdps.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Percentiles within 5% and the display buckets of the latency histogram. */
class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinFivePercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        IntStream.rangeClosed(1, 10_000).forEach(histogram::record);

        assertThat(histogram.count()).isEqualTo(10_000);
        assertThat((double) histogram.percentile(50)).isCloseTo(5_000, within(250.0));
        assertThat((double) histogram.percentile(95)).isCloseTo(9_500, within(475.0));
        assertThat((double) histogram.percentile(99)).isCloseTo(9_900, within(495.0));
        assertThat(histogram.percentile(99)).isGreaterThanOrEqualTo(9_900);
    }

    @Test
    void anEmptyHistogramHasZeroPercentilesAndEmptyBuckets() {
        LatencyHistogram histogram = new LatencyHistogram();

        assertThat(histogram.percentile(50)).isZero();
        assertThat(histogram.buckets()).hasSize(13).allSatisfy(bucket -> assertThat(bucket.count()).isZero());
    }

    @Test
    void displayBucketsCountEachLatencyOnceInItsRange() {
        LatencyHistogram histogram = new LatencyHistogram();
        List.of(0L, 9L, 10L, 19L, 75L, 99L, 100L, 4_999L, 61_000L, 700_000L).forEach(histogram::record);

        List<LatencyHistogram.LatencyBucket> buckets = histogram.buckets();

        assertThat(buckets.getFirst()).isEqualTo(new LatencyHistogram.LatencyBucket(0, 10, 2));
        assertThat(buckets.get(1)).isEqualTo(new LatencyHistogram.LatencyBucket(10, 20, 2));
        assertThat(buckets.get(3)).isEqualTo(new LatencyHistogram.LatencyBucket(50, 100, 2));
        assertThat(buckets.get(4).count()).isEqualTo(1);
        assertThat(buckets.get(8)).isEqualTo(new LatencyHistogram.LatencyBucket(2_000, 5_000, 1));
        assertThat(buckets.getLast()).isEqualTo(new LatencyHistogram.LatencyBucket(60_000, Long.MAX_VALUE, 2));
        assertThat(buckets.stream().mapToLong(LatencyHistogram.LatencyBucket::count).sum()).isEqualTo(10);
        assertThat(buckets.getLast().label()).isEqualTo("≥ 60 s");
        assertThat(buckets.get(3).label()).isEqualTo("50 ms–100 ms");
    }
}
