package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The latency scale of the rolling windows: its error bound, its percentiles and its compact counts. */
class RollingLatencyTest {

    @Test
    void everyBucketIsAtMostFourPercentWideSoItsMiddleIsWithinTwoPercent() {
        assertThat(LatencyBuckets.count()).isEqualTo(432);
        assertThat(LatencyBuckets.lowerMicros(1)).isEqualTo(100);
        assertThat(LatencyBuckets.upperMicros(LatencyBuckets.count() - 1)).isEqualTo(Integer.MAX_VALUE);
        for (int i = 1; i < LatencyBuckets.count(); i++) {
            long lower = LatencyBuckets.lowerMicros(i);
            long upper = LatencyBuckets.upperMicros(i);
            assertThat((double) upper / lower).as("bucket %d [%d, %d] µs", i, lower, upper).isLessThan(1.04);
            double middle = LatencyBuckets.millis(i) * 1000;
            assertThat(Math.max(middle / lower - 1, 1 - middle / upper)).isLessThan(LatencyBuckets.RELATIVE_ERROR);
            assertThat(LatencyBuckets.index(lower)).isEqualTo(i);
            assertThat(LatencyBuckets.index(upper)).isEqualTo(i);
        }
    }

    @Test
    void anyDurationFromATenthOfAMillisecondIsReadBackWithinTwoPercent() {
        Random random = new Random(42);
        for (int n = 0; n < 100_000; n++) {
            long micros = 100 + (long) Math.exp(random.nextDouble() * Math.log(Integer.MAX_VALUE - 100.0));
            double read = LatencyBuckets.millis(LatencyBuckets.index(micros));
            assertThat(Math.abs(read * 1000 - micros) / micros).as("%d µs read as %s ms", micros, read)
                    .isLessThan(LatencyBuckets.RELATIVE_ERROR);
        }
        assertThat(LatencyBuckets.millis(LatencyBuckets.index(37))).as("below 0.1 ms: within 50 µs").isEqualTo(0.05);
        assertThat(LatencyBuckets.index(-5)).isZero();
        assertThat(LatencyBuckets.index(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.count() - 1);
    }

    @Test
    void percentilesAreNearestRankWithinTheErrorAndNeverAboveTheExactMax() {
        long[] dense = new long[LatencyBuckets.count()];
        int[] sparse = null;
        for (int ms = 1; ms <= 100; ms++) {
            sparse = LatencyBuckets.increment(sparse, LatencyBuckets.index(ms * 1000L));
        }
        LatencyBuckets.addTo(sparse, dense);
        assertThat(LatencyBuckets.percentile(dense, 100, 50, 100)).isCloseTo(50, within(50 * 0.02));
        assertThat(LatencyBuckets.percentile(dense, 100, 95, 100)).isCloseTo(95, within(95 * 0.02));
        assertThat(LatencyBuckets.percentile(dense, 100, 99, 100)).isCloseTo(99, within(99 * 0.02));
        assertThat(LatencyBuckets.percentile(dense, 100, 99, 97)).as("clamped to the max").isEqualTo(97);
        assertThat(LatencyBuckets.percentile(new long[LatencyBuckets.count()], 0, 95, Double.NaN)).isNaN();
        // 1..100 ms fall in 100 distinct buckets below ~25 ms and share some above
        assertThat(sparse.length).isBetween(60, 100);
    }

    @Test
    void sparseCountsStaySortedAndSplitAnEntryThatWouldOverflow() {
        int[] counts = null;
        counts = LatencyBuckets.increment(counts, 200);
        counts = LatencyBuckets.increment(counts, 5);
        counts = LatencyBuckets.increment(counts, 431);
        counts = LatencyBuckets.increment(counts, 5);
        assertThat(counts).hasSize(3).isSorted();
        long[] dense = new long[LatencyBuckets.count()];
        LatencyBuckets.addTo(counts, dense);
        assertThat(dense[5]).isEqualTo(2);
        assertThat(dense[200]).isEqualTo(1);
        assertThat(dense[431]).isEqualTo(1);

        int[] full = {200 << 22 | (1 << 22) - 1};
        int[] split = LatencyBuckets.increment(full, 200);
        assertThat(split).hasSize(2);
        long[] sum = new long[LatencyBuckets.count()];
        LatencyBuckets.addTo(LatencyBuckets.increment(split, 200), sum);
        assertThat(sum[200]).isEqualTo((1L << 22) + 1);
    }
}
