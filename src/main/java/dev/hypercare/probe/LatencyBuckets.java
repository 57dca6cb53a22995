package dev.hypercare.probe;

import java.util.Arrays;

/**
 * The logarithmic scale probe durations are counted on, and the compact counts kept per time bucket.
 *
 * <p>Bucket 0 holds durations below {@value #LOWEST_MICROS} µs; from there each bucket is 4 % wider
 * than the one before ({@code [⌈100·1.04^k⌉, ⌈100·1.04^(k+1)⌉)} µs), up to {@link Integer#MAX_VALUE}
 * µs (about 35.8 minutes, far beyond any probe timeout; longer durations count as that). A bucket
 * stands for the geometric middle of its bounds, so a percentile read from the counts is within 2 %
 * (√1.04 − 1 = 1.98 %) of the true duration at that rank, or within 50 µs below 0.1 ms: 432 buckets.
 *
 * <p>Per time bucket the counts are sparse: an {@code int[]} of entries {@code index << 22 | count} in
 * index order, holding only the durations seen, since a probe's durations cluster in a few buckets (one
 * entry for a 10 s bucket with one result, a few dozen for an hour). An entry that reaches the 22-bit
 * maximum count (4,194,303) is followed by another for the same index.
 */
final class LatencyBuckets {
    static final long LOWEST_MICROS = 100;
    static final double GROWTH = 1.04;
    /** The bound on a percentile's relative error from 0.1 ms up: √1.04 − 1 = 0.019804 rounded up. */
    static final double RELATIVE_ERROR = 0.0199;
    static final long HIGHEST_MICROS = Integer.MAX_VALUE;

    private static final int COUNT_BITS = 22;
    private static final int MAX_COUNT = (1 << COUNT_BITS) - 1;
    /** The lower bound in µs of each bucket; bucket {@code i} ends where bucket {@code i + 1} starts. */
    private static final long[] LOWER = lowerBounds();
    /** What each bucket stands for, in ms. */
    private static final double[] MIDDLE = middles();

    private LatencyBuckets() {}

    static int count() {
        return LOWER.length;
    }

    /** The bucket of a duration in µs (negative counts as 0, beyond the top as the top). */
    static int index(long micros) {
        long v = Math.clamp(micros, 0, HIGHEST_MICROS);
        int found = Arrays.binarySearch(LOWER, v);
        return found >= 0 ? found : -found - 2;
    }

    /** The duration in ms bucket {@code index} stands for. */
    static double millis(int index) {
        return MIDDLE[index];
    }

    static long lowerMicros(int index) {
        return LOWER[index];
    }

    /** The highest duration in µs bucket {@code index} holds. */
    static long upperMicros(int index) {
        return index + 1 < LOWER.length ? LOWER[index + 1] - 1 : HIGHEST_MICROS;
    }

    /** {@code counts} (sparse, possibly null for none) with one more duration in bucket {@code index}; may be a new array. */
    static int[] increment(int[] counts, int index) {
        if (counts == null) {
            return new int[] {entry(index, 1)};
        }
        // the last entry of this index: search for the first entry of the next one
        int next = Arrays.binarySearch(counts, entry(index + 1, 0));
        int at = (next >= 0 ? next : -next - 1) - 1;
        if (at >= 0 && index(counts[at]) == index && count(counts[at]) < MAX_COUNT) {
            counts[at]++;
            return counts;
        }
        int[] grown = new int[counts.length + 1];
        System.arraycopy(counts, 0, grown, 0, at + 1);
        grown[at + 1] = entry(index, 1);
        System.arraycopy(counts, at + 1, grown, at + 2, counts.length - at - 1);
        return grown;
    }

    /** Adds sparse {@code counts} (possibly null) into dense {@code into}, indexed by bucket; returns how many it added. */
    static long addTo(int[] counts, long[] into) {
        if (counts == null) {
            return 0;
        }
        long added = 0;
        for (int e : counts) {
            into[index(e)] += count(e);
            added += count(e);
        }
        return added;
    }

    /**
     * The duration in ms at {@code percent} of {@code total} durations counted densely in {@code counts}
     * (nearest rank: the smallest bucket holding at least that share), never above the exact
     * {@code maxMillis}; NaN when there are none.
     */
    static double percentile(long[] counts, long total, int percent, double maxMillis) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (percent * total + 99) / 100);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(MIDDLE[i], maxMillis);
            }
        }
        return maxMillis;
    }

    private static int entry(int index, int count) {
        return index << COUNT_BITS | count;
    }

    private static int index(int entry) {
        return entry >>> COUNT_BITS;
    }

    private static int count(int entry) {
        return entry & MAX_COUNT;
    }

    private static long[] lowerBounds() {
        long[] bounds = new long[512];
        int n = 0;
        bounds[n++] = 0;
        for (int k = 0; ; k++) {
            long lower = (long) Math.ceil(LOWEST_MICROS * Math.pow(GROWTH, k));
            if (lower > HIGHEST_MICROS) {
                return Arrays.copyOf(bounds, n);
            }
            bounds[n++] = lower;
        }
    }

    private static double[] middles() {
        double[] middles = new double[LOWER.length];
        middles[0] = LOWEST_MICROS / 2 / 1000.0;
        for (int i = 1; i < LOWER.length; i++) {
            middles[i] = Math.sqrt((double) lowerMicros(i) * upperMicros(i)) / 1000.0;
        }
        return middles;
    }
}
