package dev.hypercare.report.hypercare;

import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The probe journal as the SLO policy sees it, over one span (a UTC day or a week). A probe scope is
 * that probe's checks; error rate is failed checks over checks, availability the rest; latency
 * percentiles are exact (nearest rank) over check durations. The journal holds nothing a load-test
 * scope (http, websocket, request, group) or metric (throughput, logins, WebSocket connects) means:
 * those measure as no data.
 *
 * <p>Resolution is one minute: {@code for:} rules are judged on windows of the policy's evaluation step
 * but at least a minute, since probes checking every 10 to 30 s leave shorter windows all but empty.
 */
final class JournalMetricSource implements MetricSource {
    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final ProbeHistory history;
    private final Window span;
    // the evaluator asks for the same scope and step over and over: thousands of windows per rule
    private final Map<Scope, List<ProbeHistory.Track>> tracksByScope = new HashMap<>();
    private final Map<Duration, List<Window>> windowsByStep = new HashMap<>();

    JournalMetricSource(ProbeHistory history, Window span) {
        this.history = history;
        this.span = span;
    }

    @Override
    public Window span() {
        return span;
    }

    /** Whether the journal has evidence for the scope: the probe scopes. */
    @Override
    public boolean covers(Scope scope) {
        return coversScope(scope);
    }

    @Override
    public String description() {
        return "the probe journal";
    }

    static boolean coversScope(Scope scope) {
        return switch (scope) {
            case Scope.Probe p -> true;
            case Scope.Probes p -> true;
            case Scope.Http h -> false;
            case Scope.WebSocket w -> false;
            case Scope.Request r -> false;
            case Scope.Group g -> false;
        };
    }

    /** The probes a scope means; empty for scopes the journal does not cover. */
    private List<ProbeHistory.Track> tracks(Scope scope) {
        return switch (scope) {
            case Scope.Probe p -> history.tracks(List.of(p.name()));
            case Scope.Probes p -> history.tracks(history.probes());
            case Scope.Http h -> List.of();
            case Scope.WebSocket w -> List.of();
            case Scope.Request r -> List.of();
            case Scope.Group g -> List.of();
        };
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        List<ProbeHistory.Track> tracks = tracksByScope.computeIfAbsent(scope, this::tracks);
        if (tracks.isEmpty()) {
            return Measurement.none(window);
        }
        return switch (metric) {
            case ERROR_RATE -> ratio(history.counts(tracks, window), false, window);
            case AVAILABILITY -> ratio(history.counts(tracks, window), true, window);
            case P50 -> percentile(tracks, window, 50);
            case P95 -> percentile(tracks, window, 95);
            case P99 -> percentile(tracks, window, 99);
            case MAX -> percentile(tracks, window, 100);
            case THROUGHPUT, WS_CONNECT_ERROR_RATE, AUTH_FAILURE_RATE, WS_CONNECTIONS -> Measurement.none(window);
        };
    }

    @Override
    public List<Window> windows(Duration step) {
        return windowsByStep.computeIfAbsent(step, this::tile);
    }

    private List<Window> tile(Duration step) {
        Duration length = step.compareTo(RESOLUTION) < 0 ? RESOLUTION : step;
        List<Window> windows = new ArrayList<>();
        for (var start = span.start(); start.isBefore(span.end()); start = start.plus(length)) {
            var end = start.plus(length);
            windows.add(new Window(start, end.isAfter(span.end()) ? span.end() : end));
        }
        return List.copyOf(windows);
    }

    private static Measurement ratio(ProbeHistory.Counts counts, boolean availability, Window window) {
        if (counts.checks() == 0) {
            return Measurement.none(window);
        }
        return new Measurement(availability ? counts.availability() : counts.errorRate(), counts.checks(), window);
    }

    private Measurement percentile(List<ProbeHistory.Track> tracks, Window window, double percentile) {
        Optional<ProbeHistory.Percentile> p = history.percentile(tracks, window, percentile);
        return p.isEmpty() || p.get().samples() == 0 ? Measurement.none(window) : new Measurement(p.get().millis(), p.get().samples(), window);
    }

}
