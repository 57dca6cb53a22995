package dev.hypercare.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.load.probes.ProbeResultsSource;
import dev.hypercare.load.probes.ProbeSample;
import dev.hypercare.load.results.RunMetricSource;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.load.results.SimulationLogReader;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A load run's requests and its health probes, judged by one policy as one source. */
class CombinedMetricSourceTest {
    static final SloPolicy POLICY = SloPolicy.load(Path.of("profiles/slo.yaml"));
    static final RunResults RESULTS = SimulationLogReader.read(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"));
    static final Window SPAN = RunMetricSource.wholeRun(RESULTS);

    /** Four probes once a second over the span, the first failing {@code failures} times. */
    static List<ProbeSample> probes(int failures) {
        List<ProbeSample> samples = new ArrayList<>();
        long seconds = SPAN.length().toSeconds();
        for (int s = 0; s < seconds; s++) {
            for (int p = 0; p < 4; p++) {
                Instant at = SPAN.start().plusSeconds(s).plusMillis(200L * p);
                boolean failed = p == 0 && s < failures;
                samples.add(new ProbeSample("probe " + p, at, !failed, 12_000 + 1_000L * p, failed ? "refused: connection refused" : ""));
            }
        }
        return samples;
    }

    @Test
    void requestsComeFromTheRunAndProbesFromTheProbes() {
        RunMetricSource run = new RunMetricSource(RESULTS, SPAN);
        ProbeResultsSource probes = new ProbeResultsSource(probes(2), SPAN);
        MetricSource combined = new CombinedMetricSource(run, Optional.of(probes));

        assertThat(combined.span()).isEqualTo(SPAN);
        assertThat(combined.measure(Metric.ERROR_RATE, new Scope.Http(), SPAN)).isEqualTo(run.measure(Metric.ERROR_RATE, new Scope.Http(), SPAN));
        assertThat(combined.measure(Metric.AVAILABILITY, new Scope.Probes(), SPAN)).isEqualTo(probes.measure(Metric.AVAILABILITY, new Scope.Probes(), SPAN));
        assertThat(combined.measure(Metric.P95, new Scope.Probe("probe 3"), SPAN).value()).isEqualTo(15.0);
        assertThat(combined.covers(new Scope.Probes())).isTrue();
        assertThat(combined.covers(new Scope.Request("login"))).isTrue();
        assertThat(combined.live()).isFalse();

        GateResult result = SloEvaluator.evaluate(POLICY, combined, Optional.empty());
        Finding availability = finding(result, "probe availability");
        assertThat(availability.outcome()).as("2 refused of %d", availability.samples()).isEqualTo(Outcome.FAIL);
        assertThat(availability.samples()).isEqualTo(4 * SPAN.length().toSeconds());
        assertThat(finding(result, "probe p95").outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding(result, "http error rate").outcome()).isNotEqualTo(Outcome.SKIPPED);
    }

    @Test
    void withoutProbesTheProbeThresholdsAreSkippedAndSaySo() {
        GateResult result = SloEvaluator.evaluate(POLICY, new CombinedMetricSource(new RunMetricSource(RESULTS, SPAN), Optional.empty()),
                Optional.empty());
        Finding availability = finding(result, "probe availability");
        assertThat(availability.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(availability.explanation())
                .isEqualTo("probe availability not judged: a load test run without health probes does not measure probes");
        assertThat(result.rules()).noneMatch(r -> r.scope() instanceof Scope.Probes);
    }

    @Test
    void probesOverAnotherSpanAreRefused() {
        Window other = new Window(SPAN.start(), SPAN.end().plusSeconds(1));
        assertThatThrownBy(() -> new CombinedMetricSource(new RunMetricSource(RESULTS, SPAN),
                Optional.of(new ProbeResultsSource(probes(0), other))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Finding finding(GateResult result, String name) {
        return result.findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
