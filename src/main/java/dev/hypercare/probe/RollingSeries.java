package dev.hypercare.probe;

import dev.hypercare.slo.Window;
import java.util.List;

/**
 * The results of one probe (or of the whole service) in tiers of time buckets, finest first. A window
 * is counted in the finest tier that still holds its start. Thread-safe: one lock per series, held
 * while one result is added or one window summed.
 */
final class RollingSeries {
    private final List<RollingTier> tiers;

    RollingSeries(List<RollingWindows.Tier> layout) {
        this.tiers = layout.stream().map(RollingTier::new).toList();
    }

    synchronized void record(long epochMillis, boolean failed, int micros) {
        int index = LatencyBuckets.index(micros);
        for (RollingTier tier : tiers) {
            tier.record(epochMillis, failed, micros, index);
        }
    }

    /** The results over {@code counted}, reported as over {@code window} (which {@code counted} may shorten). */
    synchronized RollingSummary summarize(Window window, Window counted) {
        long from = counted.start().toEpochMilli();
        RollingTier tier = tiers.stream().filter(t -> t.holdsFrom(from)).findFirst().orElse(tiers.getLast());
        return tier.summarize(window, counted);
    }

    synchronized RollingFootprint footprint() {
        RollingFootprint sum = new RollingFootprint(1, 0, 0, 0, 0);
        for (RollingTier tier : tiers) {
            sum = sum.plus(tier.footprint());
        }
        return sum;
    }
}
