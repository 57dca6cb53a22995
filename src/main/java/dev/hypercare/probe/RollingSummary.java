package dev.hypercare.probe;

import dev.hypercare.slo.Window;
import java.time.Duration;

/**
 * Probe results over one window, for one probe or the whole service: how many, how many failed, and
 * percentiles of their total duration (failed results included: a timeout counts its full wait).
 * {@code resolution} is the width of the time buckets the window was counted in: its start is rounded
 * up to a bucket edge, so it may leave out up to that much at its old end. The percentiles were counted
 * the same way in buckets of {@code latencyResolution} (wider beyond the last hour) and are within 2 %
 * of the true values (see {@link LatencyBuckets}); {@code maxMillis} is exact to the microsecond and
 * counted at {@code resolution}. Latencies are NaN when there are no results (percentiles also when the
 * latency buckets hold none: results of a long window only in its first, partial latency bucket).
 */
public record RollingSummary(Window window, Duration resolution, Duration latencyResolution, long samples, long failures,
                             double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    static RollingSummary empty(Window window, Duration resolution, Duration latencyResolution) {
        return new RollingSummary(window, resolution, latencyResolution, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Successful results / results; NaN without results. */
    public double availability() {
        return samples == 0 ? Double.NaN : (double) (samples - failures) / samples;
    }

    /** Failed results / results; NaN without results. */
    public double errorRate() {
        return samples == 0 ? Double.NaN : (double) failures / samples;
    }

    /** Results per second over the window's length. */
    public double throughput() {
        long millis = window.length().toMillis();
        return millis == 0 ? Double.NaN : samples * 1000.0 / millis;
    }

    public WindowStats stats() {
        return new WindowStats(window.length(), samples, failures, availability(), errorRate(), p95Millis);
    }
}
