package dev.hypercare.load.results;

import dev.hypercare.load.RequestNames;
import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.Collection;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * A load test's results as the SLO policy sees them. Windows are whole seconds (a request belongs to
 * the second it ended in). Latency over the whole run uses the exact per-name histograms (0.1 %);
 * over a shorter window, the per-second HTTP and WebSocket histograms (1 %). Per-request latency is
 * only known over the whole run: a shorter window gives no data rather than a guess. WebSocket
 * error rates leave out {@code ws: discard}, whose failures the heartbeats already counted.
 */
public final class RunMetricSource implements MetricSource {
    private final RunResults results;
    private final Window span;

    /** {@code span}: the part of the run to judge, e.g. without ramp-up and ramp-down. */
    public RunMetricSource(RunResults results, Window span) {
        this.results = results;
        this.span = span;
    }

    /** The whole run in whole seconds: from the start of its first second to the end of its last. */
    public static Window wholeRun(RunResults results) {
        return new Window(Instant.ofEpochSecond(results.start().getEpochSecond()), Instant.ofEpochSecond(results.end().getEpochSecond() + 1));
    }

    private static long ceilSecond(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }

    @Override
    public Window span() {
        return span;
    }

    /** Requests and groups of the load test; probes belong to the probe runner. */
    @Override
    public boolean covers(Scope scope) {
        return switch (scope) {
            case Scope.Http h -> true;
            case Scope.WebSocket w -> true;
            case Scope.Request r -> true;
            case Scope.Group g -> true;
            case Scope.Probe p -> false;
            case Scope.Probes p -> false;
        };
    }

    @Override
    public String description() {
        return "a load test";
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        // a second belongs to the window its start falls in, so windows that tile the span never share one
        long first = ceilSecond(window.start());
        long last = ceilSecond(window.end()) - 1;
        Collection<Second> seconds = last < first ? java.util.List.of() : results.seconds().subMap(first, true, last, true).values();
        double windowSeconds = Math.max(1, window.length().toMillis() / 1000.0);
        return switch (metric) {
            case ERROR_RATE -> ratio(failures(scope, seconds), total(scope, seconds), window);
            case AVAILABILITY -> {
                long total = total(scope, seconds);
                yield ratio(total - failures(scope, seconds), total, window);
            }
            case AUTH_FAILURE_RATE -> authFailures(scope, window, seconds);
            case WS_CONNECT_ERROR_RATE -> {
                // Sockets open during the ramp by design: over the judged span, count every connect of the run.
                Collection<Second> connects = window.equals(span) ? results.seconds().values() : seconds;
                yield ratio(connects.stream().mapToLong(Second::connectFailures).sum(),
                        connects.stream().mapToLong(Second::connectAttempts).sum(), window);
            }
            case THROUGHPUT -> {
                long total = total(scope, seconds);
                yield new Measurement(total / windowSeconds, total, window);
            }
            case WS_CONNECTIONS -> openSocketsPeak(window);
            case P50 -> latency(scope, window, seconds, 50);
            case P95 -> latency(scope, window, seconds, 95);
            case P99 -> latency(scope, window, seconds, 99);
            case MAX -> latency(scope, window, seconds, 100);
        };
    }

    private long total(Scope scope, Collection<Second> seconds) {
        return switch (scope) {
            case Scope.Http h -> seconds.stream().mapToLong(Second::httpRequests).sum();
            case Scope.WebSocket w -> seconds.stream().mapToLong(s -> s.webSocketRecords() - discards(s)[0] - discards(s)[1]).sum();
            case Scope.Request r -> seconds.stream().mapToLong(s -> s.counts(r.name())[0] + s.counts(r.name())[1]).sum();
            case Scope.Group g -> wholeRunOnly(seconds) ? groupStats(g).count() : 0;
            case Scope.Probe p -> 0;
            case Scope.Probes p -> 0;
        };
    }

    private long failures(Scope scope, Collection<Second> seconds) {
        return switch (scope) {
            case Scope.Http h -> seconds.stream().mapToLong(Second::httpFailures).sum();
            case Scope.WebSocket w -> seconds.stream().mapToLong(s -> s.webSocketFailures() - discards(s)[1]).sum();
            case Scope.Request r -> seconds.stream().mapToLong(s -> s.counts(r.name())[1]).sum();
            case Scope.Group g -> wholeRunOnly(seconds) ? groupStats(g).ko() : 0;
            case Scope.Probe p -> 0;
            case Scope.Probes p -> 0;
        };
    }

    /**
     * Logins refused (401 or 403) over logins. Only a failure's message tells its status, and messages
     * are kept per run, not per second: over the judged span the whole run's logins count, and a
     * shorter window has no data. A 503 on login is an error, not an authentication failure.
     */
    private Measurement authFailures(Scope scope, Window window, Collection<Second> seconds) {
        String name = scope instanceof Scope.Request r ? r.name() : RequestNames.LOGIN;
        RequestStats logins = results.byName().get(name);
        // over the judged span the whole run's logins count, as for connects: messages are not kept per second
        if (logins == null || !(window.equals(span) || coversWholeRun(window))) {
            return Measurement.none(window);
        }
        long refused = logins.errors().entrySet().stream()
                .filter(e -> AUTH_REFUSED.matcher(e.getKey()).find())
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        return ratio(refused, logins.count(), window);
    }

    private static final java.util.regex.Pattern AUTH_REFUSED = java.util.regex.Pattern.compile("found 40[13]\\b");

    private static long[] discards(Second second) {
        return second.counts(RequestNames.WS_DISCARD);
    }

    private Measurement latency(Scope scope, Window window, Collection<Second> seconds, double percentile) {
        boolean whole = coversWholeRun(window);
        RequestStats exact = switch (scope) {
            case Scope.Http h -> whole ? results.http() : null;
            case Scope.WebSocket w -> whole ? results.webSocket() : null;
            case Scope.Request r -> whole ? results.byName().get(r.name()) : null;
            case Scope.Group g -> whole ? results.byGroup().get(g.name()) : null;
            case Scope.Probe p -> null;
            case Scope.Probes p -> null;
        };
        if (exact != null) {
            long value = percentile >= 100 ? exact.maxMillis() : exact.percentileMillis(percentile);
            return exact.count() == 0 ? Measurement.none(window) : new Measurement(value, exact.count(), window);
        }
        AbstractHistogram merged = new IntCountsHistogram(2);
        switch (scope) {
            case Scope.Http h -> seconds.forEach(s -> s.addHttpLatencyTo(merged));
            case Scope.WebSocket w -> seconds.forEach(s -> s.addWebSocketLatencyTo(merged));
            default -> {
                return Measurement.none(window);
            }
        }
        if (merged.getTotalCount() == 0) {
            return Measurement.none(window);
        }
        long value = percentile >= 100 ? merged.getMaxValue() : merged.getValueAtPercentile(percentile);
        return new Measurement(value, merged.getTotalCount(), window);
    }

    private Measurement openSocketsPeak(Window window) {
        long peak = 0;
        long seconds = 0;
        for (RunResults.SeriesPoint point : results.series()) {
            if (point.epochSecond() >= window.start().getEpochSecond() && point.epochSecond() < window.end().getEpochSecond()) {
                peak = Math.max(peak, point.openSockets());
                seconds++;
            }
        }
        return seconds == 0 ? Measurement.none(window) : new Measurement(peak, seconds, window);
    }

    private RequestStats groupStats(Scope.Group group) {
        RequestStats stats = results.byGroup().get(group.name());
        return stats == null ? new RequestStats(group.name(), 0, 0, new org.HdrHistogram.Histogram(3), 0, 0, java.util.Map.of()) : stats;
    }

    private boolean wholeRunOnly(Collection<Second> seconds) {
        return seconds.size() == results.seconds().size();
    }

    private boolean coversWholeRun(Window window) {
        return ceilSecond(window.start()) <= results.start().getEpochSecond() && ceilSecond(window.end()) > results.end().getEpochSecond();
    }

    private static Measurement ratio(long part, long total, Window window) {
        return total == 0 ? Measurement.none(window) : new Measurement((double) part / total, total, window);
    }
}
