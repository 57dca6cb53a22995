package dev.hypercare.probe;

import dev.hypercare.slo.Window;
import java.time.Duration;

/**
 * One resolution of a {@link RollingSeries}: results counted in time buckets of one width (10 s, 5 min
 * or 1 h), and their durations in latency histograms per bucket of the tier's latency width. The two
 * widths are equal in the finest tier, where the policy's 10 s steps judge latency too; coarser tiers
 * keep their histograms in wider buckets (1 h, 6 h), since a histogram costs far more than a count and
 * a percentile over a day does not need 5-minute edges. Not thread-safe: its series guards it.
 */
final class RollingTier {
    private final RollingRing counts;
    private final int[] samples;
    private final int[] failures;
    private final int[] maxMicros;
    /** The same ring as {@code counts} when the widths are equal. */
    private final RollingRing latency;
    private final int[][] latencies;
    private final int[] latencyMaxMicros;

    RollingTier(RollingWindows.Tier tier) {
        this.counts = new RollingRing(tier.width(), tier.span());
        this.samples = new int[counts.size()];
        this.failures = new int[counts.size()];
        this.maxMicros = new int[counts.size()];
        boolean shared = tier.latencyWidth().equals(tier.width());
        this.latency = shared ? counts : new RollingRing(tier.latencyWidth(), tier.span());
        this.latencies = new int[latency.size()][];
        this.latencyMaxMicros = shared ? maxMicros : new int[latency.size()];
    }

    Duration width() {
        return counts.width();
    }

    Duration latencyWidth() {
        return latency.width();
    }

    /** Counts one result; a result older than a ring still holds is left to coarser tiers. */
    void record(long epochMillis, boolean failed, int micros, int latencyIndex) {
        int c = counts.claim(epochMillis, this::resetCounts);
        if (c >= 0) {
            samples[c]++;
            if (failed) {
                failures[c]++;
            }
            maxMicros[c] = Math.max(maxMicros[c], micros);
        }
        int l = latency == counts ? c : latency.claim(epochMillis, this::resetLatency);
        if (l >= 0) {
            latencies[l] = LatencyBuckets.increment(latencies[l], latencyIndex);
            latencyMaxMicros[l] = Math.max(latencyMaxMicros[l], micros);
        }
    }

    private void resetCounts(int slot) {
        samples[slot] = 0;
        failures[slot] = 0;
        maxMicros[slot] = 0;
        if (latency == counts) {
            latencies[slot] = null;
        }
    }

    private void resetLatency(int slot) {
        latencies[slot] = null;
        latencyMaxMicros[slot] = 0;
    }

    /** Whether every count bucket a window starting at {@code fromMillis} needs is still held. */
    boolean holdsFrom(long fromMillis) {
        return counts.holdsFrom(fromMillis);
    }

    /** The results that started in {@code counted} (edges rounded up to each ring's buckets), reported as over {@code window}. */
    RollingSummary summarize(Window window, Window counted) {
        long from = counted.start().toEpochMilli();
        long to = counted.end().toEpochMilli();
        RollingTally tally = new RollingTally();
        counts.forEach(from, to, s -> tally.addCounts(samples[s], failures[s], maxMicros[s]));
        latency.forEach(from, to, s -> tally.addLatencies(latencies[s], latencyMaxMicros[s]));
        return tally.summary(window, counts.width(), latency.width());
    }

    /** The slots and latency arrays this tier holds. */
    RollingFootprint footprint() {
        long arrays = 0;
        long entries = 0;
        for (int[] l : latencies) {
            if (l != null) {
                arrays++;
                entries += l.length;
            }
        }
        long latencySlots = latency == counts ? 0 : latency.size();
        return new RollingFootprint(0, counts.size(), latencySlots, arrays, entries);
    }
}
