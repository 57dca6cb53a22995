package dev.hypercare.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "value of metric M over scope S in window W" for one source of evidence: a load test's
 * results, the probe journal, later Prometheus. One policy judges them all through this.
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
}
