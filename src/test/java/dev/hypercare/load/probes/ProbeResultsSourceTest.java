package dev.hypercare.load.probes;

import static dev.hypercare.load.probes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Verdict;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Probe results of a finished run, judged exactly and after the fact. */
class ProbeResultsSourceTest {
    static final SloPolicy POLICY = SloPolicy.load(Path.of("profiles/slo.yaml"));
    static final Scope LIVE = new Scope.Probe("live");
    static final Scope ALL = new Scope.Probes();

    /**
     * "live" every second from T0 for 20 s, taking i+1 ms, refused at seconds 5 and 6; "ws" every 2 s
     * from T0 + 0.5 s, 100 ms each.
     */
    static List<ProbeSample> twoProbes() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant at = T0.plusSeconds(i);
            samples.add(ProbeSample.of(i == 5 || i == 6 ? Samples.refused("live", at) : Samples.ok("live", at, Duration.ofMillis(i + 1))));
        }
        for (int i = 0; i < 10; i++) {
            samples.add(ProbeSample.of(Samples.ok("ws", T0.plusMillis(500 + 2_000L * i), Duration.ofMillis(100))));
        }
        return samples;
    }

    @Test
    void figuresAreExactCountsAndNearestRankPercentilesOverTheSpan() {
        Window span = new Window(T0.plusSeconds(2), T0.plusSeconds(12));
        ProbeResultsSource source = new ProbeResultsSource(twoProbes(), span);

        // live: seconds 2..11 = 10 results, 2 refused; durations 3..12 ms except the refused (1 ms each)
        assertThat(source.measure(Metric.AVAILABILITY, LIVE, span)).isEqualTo(new Measurement(0.8, 10, span));
        assertThat(source.measure(Metric.ERROR_RATE, LIVE, span).value()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        // sorted: 1 1 3 4 5 8 9 10 11 12 -> p50 is the 5th, p95 the 10th (ceil(9.5)), max the last
        assertThat(source.measure(Metric.P50, LIVE, span).value()).isEqualTo(5.0);
        assertThat(source.measure(Metric.P95, LIVE, span).value()).isEqualTo(12.0);
        assertThat(source.measure(Metric.MAX, LIVE, span).value()).isEqualTo(12.0);
        // every probe: live's 10 and ws at 2.5, 4.5, 6.5, 8.5, 10.5 s
        assertThat(source.measure(Metric.AVAILABILITY, ALL, span)).isEqualTo(new Measurement(13.0 / 15, 15, span));
        assertThat(source.measure(Metric.THROUGHPUT, ALL, span).value()).isEqualTo(1.5);
        assertThat(source.tally(ALL, span).reasons()).isEqualTo(Map.of("refused: connection refused", 2L));
        assertThat(source.probes()).containsExactly("live", "ws");
    }

    @Test
    void aResultBelongsToTheWindowItsStartFallsIn() {
        ProbeResultsSource source = new ProbeResultsSource(twoProbes(), new Window(T0, T0.plusSeconds(20)));
        // [2 s, 5 s): the results of seconds 2, 3 and 4; the one starting at 5 s is the next window's
        assertThat(source.measure(Metric.AVAILABILITY, LIVE, new Window(T0.plusSeconds(2), T0.plusSeconds(5))).samples()).isEqualTo(3);
        assertThat(source.measure(Metric.AVAILABILITY, LIVE, new Window(T0.plusSeconds(5), T0.plusSeconds(7))))
                .isEqualTo(new Measurement(0.0, 2, new Window(T0.plusSeconds(5), T0.plusSeconds(7))));
        assertThat(source.measure(Metric.AVAILABILITY, LIVE, new Window(T0.minusSeconds(10), T0)).hasData()).isFalse();
    }

    @Test
    void onlyProbeScopesAreMeasured() {
        Window span = new Window(T0, T0.plusSeconds(20));
        ProbeResultsSource source = new ProbeResultsSource(twoProbes(), span);
        assertThat(source.covers(ALL)).isTrue();
        assertThat(source.covers(new Scope.Probe("anything"))).isTrue();
        assertThat(source.covers(new Scope.Http())).isFalse();
        assertThat(source.measure(Metric.AVAILABILITY, new Scope.Http(), span).hasData()).isFalse();
        assertThat(source.measure(Metric.AVAILABILITY, new Scope.Probe("never ran"), span).hasData()).isFalse();
        assertThat(source.measure(Metric.WS_CONNECTIONS, ALL, span).hasData()).isFalse();
        assertThat(source.live()).isFalse();
    }

    @Test
    void failureReasonsGroupWithoutTheValuesThatVary() {
        assertThat(ProbeSample.of(Samples.status("live", T0, 503)).failure()).isEqualTo("status: HTTP 503");
        assertThat(ProbeSample.of(Samples.slow("live", T0, Duration.ofMillis(812))).failure()).isEqualTo("condition: [RESPONSE_TIME] < 500ms");
        assertThat(ProbeSample.of(Samples.slow("live", T0, Duration.ofMillis(977))).failure()).isEqualTo("condition: [RESPONSE_TIME] < 500ms");
        assertThat(ProbeSample.of(Samples.refused("live", T0)).failure()).isEqualTo("refused: connection refused");
        assertThat(ProbeSample.of(Samples.ok("live", T0, Duration.ofMillis(3))).failure()).isEmpty();
        assertThat(ProbeSample.of(Samples.ok("live", T0, Duration.ofNanos(1_500_500))).micros()).isEqualTo(1_500);
    }

    /**
     * Three probes every 5 s over a 10-minute span; from minute 2 to minute 8 every one is refused. A live
     * source would say the breach ended two minutes ago; after the fact, the rollback rule fired.
     */
    @Test
    void aBreachThatEndedBeforeTheRunDidStillCounts() {
        Window span = new Window(T0, T0.plus(Duration.ofMinutes(10)));
        List<ProbeSample> samples = new ArrayList<>();
        for (int s = 0; s < 600; s += 5) {
            for (String probe : List.of("live", "ready", "health")) {
                Instant at = T0.plusSeconds(s).plusMillis(probe.length() * 100L);
                boolean outage = s >= 120 && s < 480;
                samples.add(ProbeSample.of(outage ? Samples.refused(probe, at) : Samples.ok(probe, at, Duration.ofMillis(20))));
            }
        }
        GateResult result = SloEvaluator.evaluate(POLICY, new ProbeResultsSource(samples, span), Optional.empty());

        assertThat(result.verdict()).isEqualTo(Verdict.ROLLBACK);
        RuleFinding rollback = rule(result, "probe error rate", RuleFinding.Kind.ROLLBACK);
        assertThat(rollback.fired()).isTrue();
        assertThat(rollback.longestBreach()).contains(new Window(T0.plusSeconds(120), T0.plusSeconds(480)));
        assertThat(rule(result, "probe availability", RuleFinding.Kind.ESCALATE).fired()).as("out for 6 minutes: escalate").isTrue();
        assertThat(rule(result, "probe availability", RuleFinding.Kind.ROLLBACK).fired()).as("but not 15").isFalse();
        Finding availability = finding(result, "probe availability");
        assertThat(availability.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(availability.measured()).isEqualTo(0.4);
        assertThat(availability.samples()).isEqualTo(360);
        assertThat(finding(result, "http error rate").outcome()).as("the probes alone measure no requests").isEqualTo(Outcome.SKIPPED);
    }

    static RuleFinding rule(GateResult result, String name, RuleFinding.Kind kind) {
        return result.rules().stream().filter(r -> r.name().equals(name) && r.kind() == kind).findFirst().orElseThrow();
    }

    static Finding finding(GateResult result, String name) {
        return result.findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
