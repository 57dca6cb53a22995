package dev.hypercare.report;

import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a go/no-go report shows, computed once and rendered by each writer (Markdown, HTML,
 * JSON, JUnit). Immutable; values in base units: ratios as fractions, latencies in milliseconds.
 * {@code healthProbes} is empty when no health probes ran beside the load.
 */
public record GateReport(
        Run run,
        GateResult result,
        List<RequestRow> requests,
        List<ErrorRow> topErrors,
        List<SeriesPoint> series,
        ChartLimits limits,
        Optional<HealthProbes> healthProbes) {

    /** Version of the verdict.json schema; bump it on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    public GateReport {
        requests = List.copyOf(requests);
        topErrors = List.copyOf(topErrors);
        series = List.copyOf(series);
    }

    /** A report of a run without health probes. */
    public GateReport(Run run, GateResult result, List<RequestRow> requests, List<ErrorRow> topErrors, List<SeriesPoint> series,
                      ChartLimits limits) {
        this(run, result, requests, topErrors, series, limits, Optional.empty());
    }

    /** This report with {@code probes} as its health section. */
    public GateReport withHealthProbes(HealthProbes probes) {
        return new GateReport(run, result, requests, topErrors, series, limits, Optional.of(probes));
    }

    /**
     * What was judged: one run, or several shards merged. {@code gatlingReports} are paths relative
     * to the report's directory; {@code notes} are caveats such as a truncated log.
     */
    public record Run(
            List<String> runIds,
            String profile,
            String target,
            Instant start,
            Instant end,
            Optional<Instant> evaluatedFrom,
            Optional<Instant> evaluatedTo,
            List<String> gatlingReports,
            boolean truncated,
            List<String> notes) {
        public Run {
            runIds = List.copyOf(runIds);
            gatlingReports = List.copyOf(gatlingReports);
            notes = List.copyOf(notes);
        }

        /** The run's whole time range. */
        public Window span() {
            return new Window(start, end);
        }

        /** The range the policy judged, when it is narrower than the run (ramps left out); else empty. */
        public Optional<Window> evaluatedWindow() {
            if (evaluatedFrom.isEmpty() && evaluatedTo.isEmpty()) {
                return Optional.empty();
            }
            var window = new Window(evaluatedFrom.orElse(start), evaluatedTo.orElse(end));
            return window.equals(span()) ? Optional.empty() : Optional.of(window);
        }
    }

    /** One request name's totals; {@code webSocket} marks the names kept apart from HTTP. */
    public record RequestRow(
            String name, boolean webSocket, long ok, long ko,
            long p50Millis, long p95Millis, long p99Millis, long maxMillis, double meanMillis) {

        public long count() {
            return ok + ko;
        }
    }

    /** An error message, how often it occurred and its share of all failures. */
    public record ErrorRow(String message, long count, double share) {}

    /**
     * One second of the run: requests that ended in it, failures, HTTP latency percentiles of that
     * second (-1 when none), active users and open WebSocket connections at its end.
     */
    public record SeriesPoint(
            long epochSecond, long requests, long ko, long p95Millis, long p99Millis, long activeUsers, long webSocketConnections) {}

    /** Threshold lines for the charts; NaN when the policy sets none. */
    public record ChartLimits(double p95WarnMillis, double p95CriticalMillis, double errorRateWarn, double errorRateCritical) {}
}
