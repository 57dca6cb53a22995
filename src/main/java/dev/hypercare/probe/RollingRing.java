package dev.hypercare.probe;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Which time bucket each slot of a ring holds. A bucket is numbered {@code floor(epochMillis / width)}
 * and lives in slot {@code number mod size}; a slot remembers its number, so one left from an earlier
 * lap is recognised as expired and never counted. The ring holds {@code span / width + 1} buckets: the
 * span and the bucket in progress. What a slot counts lives in the owner's arrays, indexed by slot.
 */
final class RollingRing {
    private static final long NONE = Long.MIN_VALUE;

    private final long widthMillis;
    private final long[] bucket;
    private long newest = NONE;

    RollingRing(Duration width, Duration span) {
        this.widthMillis = width.toMillis();
        this.bucket = new long[Math.toIntExact(span.toMillis() / widthMillis + 1)];
        Arrays.fill(bucket, NONE);
    }

    Duration width() {
        return Duration.ofMillis(widthMillis);
    }

    int size() {
        return bucket.length;
    }

    /**
     * The slot for a result at {@code epochMillis}, after {@code reset} has cleared it if it held an
     * expired bucket; -1 when the result is older than anything the ring still holds.
     */
    int claim(long epochMillis, IntConsumer reset) {
        long b = Math.floorDiv(epochMillis, widthMillis);
        if (newest != NONE && b <= newest - bucket.length) {
            return -1;
        }
        int slot = (int) Math.floorMod(b, bucket.length);
        if (bucket[slot] != b) {
            // it holds a bucket at least one lap older: expired
            bucket[slot] = b;
            reset.accept(slot);
        }
        newest = Math.max(newest, b);
        return slot;
    }

    /** Whether every bucket a window starting at {@code fromMillis} counts is still in the ring. */
    boolean holdsFrom(long fromMillis) {
        return newest == NONE || Math.ceilDiv(fromMillis, widthMillis) > newest - bucket.length;
    }

    /**
     * The slots of the buckets whose start lies in {@code [fromMillis, toMillis)}: a window's edges are
     * rounded up to bucket edges, so windows that tile time never share a bucket. Buckets no longer in
     * the ring are left out.
     */
    void forEach(long fromMillis, long toMillis, IntConsumer slot) {
        if (newest == NONE) {
            return;
        }
        long first = Math.max(Math.ceilDiv(fromMillis, widthMillis), newest - bucket.length + 1);
        long end = Math.min(Math.ceilDiv(toMillis, widthMillis), newest + 1);
        for (long b = first; b < end; b++) {
            int s = (int) Math.floorMod(b, bucket.length);
            if (bucket[s] == b) {
                slot.accept(s);
            }
        }
    }
}
