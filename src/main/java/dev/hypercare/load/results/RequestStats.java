package dev.hypercare.load.results;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Totals of one request name (or of all HTTP / all WebSocket records): OK and KO counts, response
 * times in an HdrHistogram (milliseconds, 3 significant digits: 0.1 % precision) and error messages
 * with their counts. Immutable: the histogram is a private copy and only read.
 */
public final class RequestStats {
    private final String name;
    private final long ok;
    private final long ko;
    private final Histogram latency;
    /** Exact, unlike the histogram's buckets above 2,047 ms: reports print them as Gatling does. */
    private final long min;
    private final long max;
    private final Map<String, Long> errors;

    RequestStats(String name, long ok, long ko, Histogram latency, long min, long max, Map<String, Long> errors) {
        this.name = name;
        this.ok = ok;
        this.ko = ko;
        this.latency = latency.copy();
        this.min = min;
        this.max = max;
        this.errors = Map.copyOf(errors);
    }

    public String name() {
        return name;
    }

    public long ok() {
        return ok;
    }

    public long ko() {
        return ko;
    }

    public long count() {
        return ok + ko;
    }

    /** The response time at {@code percentile} (0-100) in ms, OK and KO alike as Gatling counts them; -1 without samples. */
    public long percentileMillis(double percentile) {
        return latency.getTotalCount() == 0 ? -1 : latency.getValueAtPercentile(percentile);
    }

    public long maxMillis() {
        return latency.getTotalCount() == 0 ? -1 : max;
    }

    public long minMillis() {
        return latency.getTotalCount() == 0 ? -1 : min;
    }

    public double meanMillis() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMean();
    }

    /** Error message -> occurrences, for KO records that carried one. */
    public Map<String, Long> errors() {
        return errors;
    }

    /** A copy to merge into, for shards and aggregates. */
    Histogram histogram() {
        return latency.copy();
    }

    /** These totals and another's together: counts add, histograms merge. */
    public RequestStats plus(RequestStats other) {
        Histogram sum = latency.copy();
        sum.add(other.latency);
        return new RequestStats(name, ok + other.ok, ko + other.ko, sum, Math.min(min, other.min), Math.max(max, other.max),
                Errors.merge(errors, other.errors));
    }
}
