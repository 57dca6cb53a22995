package dev.hypercare.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "value of metric M over scope S in window W" for one source of evidence: a load test's
 * results, the probe runner's rolling windows, later Prometheus. One policy judges them all through this.
 */
public interface MetricSource {
    /** The whole span the source covers (after any ramps left out of the evaluation). */
    Window span();

    Measurement measure(Metric metric, Scope scope, Window window);

    /** Successive windows of {@code step} covering the span, for {@code for:} rules; the last may be shorter. */
    default List<Window> windows(Duration step) {
        List<Window> windows = new ArrayList<>();
        Window span = span();
        for (var start = span.start(); start.isBefore(span.end()); start = start.plus(step)) {
            var end = start.plus(step);
            windows.add(new Window(start, end.isAfter(span.end()) ? span.end() : end));
        }
        return windows;
    }

    /**
     * Whether this source measures {@code scope} at all: a load test has no probes, the probe runner no
     * HTTP or WebSocket requests. Thresholds on a scope a source does not cover are SKIPPED, never
     * NO_DATA, and their rules are not judged.
     */
    default boolean covers(Scope scope) {
        return true;
    }

    /** What the source is, for explanations: {@code a load test}, {@code the probe runner}. */
    default String description() {
        return "this source";
    }

    /**
     * Whether the source is judged live, as its evidence arrives, rather than after the fact: then a
     * {@code for:} rule fires only while its breach still holds at the latest judged window, so a breach
     * that ended minutes ago no longer recommends a rollback now. A finished load test is not live: any
     * breach in its span counts.
     */
    default boolean live() {
        return false;
    }
}
