package dev.hypercare.load;

import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A load test's evidence as one source for the policy: HTTP, WebSocket, request and group scopes are
 * answered by the run's results, {@code probes} and {@code probe:NAME} by the health probes that ran
 * beside it, over the same judged span. Without probes, probe scopes are not covered, so their
 * thresholds are SKIPPED, as for any load test. Judged after the fact, never live.
 */
public final class CombinedMetricSource implements MetricSource {
    private final MetricSource run;
    private final Optional<MetricSource> probes;

    /** {@code probes} must cover the same span as {@code run}. */
    public CombinedMetricSource(MetricSource run, Optional<? extends MetricSource> probes) {
        probes.ifPresent(p -> {
            if (!p.span().equals(run.span())) {
                throw new IllegalArgumentException("expected the probes over the run's span " + run.span() + ", found " + p.span());
            }
        });
        this.run = run;
        this.probes = probes.map(MetricSource.class::cast);
    }

    private Optional<MetricSource> route(Scope scope) {
        return scope instanceof Scope.Probe || scope instanceof Scope.Probes ? probes : Optional.of(run);
    }

    @Override
    public Window span() {
        return run.span();
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        return route(scope).map(s -> s.measure(metric, scope, window)).orElseGet(() -> Measurement.none(window));
    }

    @Override
    public List<Window> windows(Duration step) {
        return run.windows(step);
    }

    @Override
    public boolean covers(Scope scope) {
        return route(scope).map(s -> s.covers(scope)).orElse(false);
    }

    @Override
    public String description() {
        return probes.isPresent() ? "a load test with health probes" : "a load test run without health probes";
    }

    @Override
    public boolean live() {
        return false;
    }
}
