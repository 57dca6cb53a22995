package dev.hypercare.probe;

import dev.hypercare.slo.Window;
import java.time.Duration;

/** The sums of the time buckets one window counts, turned into a {@link RollingSummary}. Single use. */
final class RollingTally {
    private long samples;
    private long failures;
    private int maxMicros;
    private final long[] latencies = new long[LatencyBuckets.count()];
    private long latencyCount;
    private int latencyMaxMicros;

    void addCounts(int samples, int failures, int maxMicros) {
        this.samples += samples;
        this.failures += failures;
        this.maxMicros = Math.max(this.maxMicros, maxMicros);
    }

    void addLatencies(int[] sparse, int maxMicros) {
        latencyCount += LatencyBuckets.addTo(sparse, latencies);
        latencyMaxMicros = Math.max(latencyMaxMicros, maxMicros);
    }

    RollingSummary summary(Window window, Duration resolution, Duration latencyResolution) {
        if (samples == 0) {
            return RollingSummary.empty(window, resolution, latencyResolution);
        }
        double max = latencyMaxMicros / 1000.0;
        return new RollingSummary(window, resolution, latencyResolution, samples, failures,
                LatencyBuckets.percentile(latencies, latencyCount, 50, max),
                LatencyBuckets.percentile(latencies, latencyCount, 95, max),
                LatencyBuckets.percentile(latencies, latencyCount, 99, max),
                maxMicros / 1000.0);
    }
}
