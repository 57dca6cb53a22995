package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hypercare.slo.BurnRateJudge;
import dev.hypercare.slo.BurnRateStatus;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Verdict;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The probe runner judged by the shipped policy (profiles/slo.yaml): five probes every 15 s for the
 * last 30 minutes (100 results in the 5-minute span), then one change at a time.
 */
class ProbeMetricSourceTest {
    static final SloPolicy POLICY = SloPolicy.load(Path.of("profiles/slo.yaml"));
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration SPAN = Duration.ofMinutes(5);
    static final List<String> PROBES = List.of("home", "api", "login", "search", "health");
    static final Scope SERVICE = new Scope.Probes();

    /** What one run of a probe gives: success and duration. */
    record Run(boolean success, Duration total) {}

    interface Behaviour {
        /** The outcome of {@code probe}'s {@code round}-th run, started at {@code at}. */
        Run of(String probe, int round, Instant at);
    }

    static final Run OK = new Run(true, Duration.ofMillis(30));
    static final Run REFUSED = new Run(false, Duration.ofMillis(1));

    /** Probe {@code i} runs at 3i s past every 15 s, over the 30 minutes before now. */
    static RollingWindows feed(Behaviour behaviour) {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        Instant start = NOW.minus(Duration.ofMinutes(30));
        for (int round = 0; round < 120; round++) {
            for (int i = 0; i < PROBES.size(); i++) {
                Instant at = start.plusSeconds(15L * round + 3L * i);
                Run o = behaviour.of(PROBES.get(i), round, at);
                windows.record(PROBES.get(i), at, o.success(), o.total());
            }
        }
        return windows;
    }

    static ProbeMetricSource source(RollingWindows windows) {
        return ProbeMetricSource.forPolicy(windows, NOW, SPAN, POLICY);
    }

    static GateResult judge(MetricSource source) {
        return SloEvaluator.evaluate(POLICY, source, Optional.empty());
    }

    static Finding finding(GateResult result, String name) {
        return result.findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static RuleFinding rule(GateResult result, String name, RuleFinding.Kind kind) {
        return result.rules().stream().filter(r -> r.name().equals(name) && r.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void healthyProbesAreGoAndTheLoadTestThresholdsAreSkipped() {
        GateResult result = judge(source(feed((p, r, at) -> OK)));
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
        Finding availability = finding(result, "probe availability");
        assertThat(availability.outcome()).isEqualTo(Outcome.PASS);
        assertThat(availability.samples()).isEqualTo(100);
        assertThat(availability.explanation())
                .isEqualTo("availability 100 % meets target >= 99.9 % over 100 probe results, 11:55:00–12:00:00");
        assertThat(finding(result, "probe error rate").outcome()).isEqualTo(Outcome.PASS);
        assertThat(finding(result, "probe p95").outcome()).isEqualTo(Outcome.PASS);

        assertThat(result.findings()).filteredOn(f -> !(f.scope() instanceof Scope.Probes))
                .extracting(Finding::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(finding(result, "http error rate").explanation())
                .isEqualTo("http error rate not judged: the probe runner does not measure http");
        assertThat(finding(result, "auth failure rate").explanation())
                .isEqualTo("auth failure rate not judged: the probe runner does not measure request \"login\"");
        assertThat(result.rules()).as("only the probes' own rules").extracting(RuleFinding::name)
                .containsOnly("probe availability", "probe error rate", "probe p95")
                .hasSize(5);
        assertThat(result.rules()).noneMatch(RuleFinding::fired);
    }

    @Test
    void latencyOf300msWarnsOnP95() {
        GateResult result = judge(source(feed((p, r, at) -> new Run(true, Duration.ofMillis(300)))));
        assertThat(result.verdict()).isEqualTo(Verdict.GO_WITH_RISKS);
        Finding p95 = finding(result, "probe p95");
        assertThat(p95.outcome()).isEqualTo(Outcome.WARN);
        assertThat(p95.measured()).isCloseTo(300, within(300 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(p95.explanation()).startsWith("p95 ").contains("> warn 200 ms over 100 probe results, 11:55:00–12:00:00");
        assertThat(finding(result, "probe availability").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void twoPercentOfFailuresFailAvailabilityAndWarnOnErrorRate() {
        // the api probe fails one run in ten: 2 of the 100 results in any 5 minutes
        GateResult result = judge(source(feed((p, r, at) -> p.equals("api") && r % 10 == 0 ? REFUSED : OK)));
        assertThat(result.verdict()).isEqualTo(Verdict.NO_GO);
        Finding availability = finding(result, "probe availability");
        assertThat(availability.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(availability.measured()).isEqualTo(0.98);
        assertThat(availability.explanation()).isEqualTo("availability 98 % < critical 99.5 % over 100 probe results, 11:55:00–12:00:00");
        Finding errors = finding(result, "probe error rate");
        assertThat(errors.outcome()).isEqualTo(Outcome.WARN);
        assertThat(errors.measured()).isEqualTo(0.02);
        assertThat(result.rules()).as("single failures are no sustained breach").noneMatch(RuleFinding::fired);
    }

    /** Every probe refused from {@code from} to {@code to}. */
    static Behaviour outage(Instant from, Instant to) {
        return (p, r, at) -> !at.isBefore(from) && at.isBefore(to) ? REFUSED : OK;
    }

    @Test
    void aSixteenMinuteOutageRecommendsRollback() {
        GateResult result = judge(source(feed(outage(NOW.minus(Duration.ofMinutes(16)), NOW))));
        assertThat(result.verdict()).isEqualTo(Verdict.ROLLBACK);
        RuleFinding rollback = rule(result, "probe availability", RuleFinding.Kind.ROLLBACK);
        assertThat(rollback.fired()).isTrue();
        assertThat(rollback.longestBreach()).contains(new Window(Instant.parse("2026-03-02T11:44:00Z"), NOW));
        assertThat(rollback.explanation())
                .isEqualTo("availability <= 0 % for 15m held 16m, 11:44:00–12:00:00 (worst 0 % in a 10s window): roll back");
        assertThat(rule(result, "probe availability", RuleFinding.Kind.ESCALATE).fired()).isTrue();
        assertThat(rule(result, "probe error rate", RuleFinding.Kind.ROLLBACK).fired()).isTrue();
        assertThat(finding(result, "probe availability").measured()).isZero();
    }

    @Test
    void oneProbeEveryThirtySecondsStillRollsBackAfterSixteenMinutes() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        Instant outage = NOW.minus(Duration.ofMinutes(16));
        for (Instant at = NOW.minus(Duration.ofMinutes(30)); at.isBefore(NOW); at = at.plusSeconds(30)) {
            windows.record("home", at, at.isBefore(outage), Duration.ofMillis(20));
        }
        GateResult result = judge(source(windows));
        RuleFinding rollback = rule(result, "probe availability", RuleFinding.Kind.ROLLBACK);
        assertThat(rollback.fired()).isTrue();
        assertThat(rollback.explanation()).isEqualTo("availability <= 0 % for 15m held 15m 40s, 11:44:00–11:59:40"
                + " (worst 0 % in a 10s window): roll back; 68 of 102 windows without probe results left out");
        assertThat(finding(result, "probe availability").samples()).as("10 results in 5 minutes: just enough").isEqualTo(10);
        assertThat(result.verdict()).isEqualTo(Verdict.ROLLBACK);
    }

    @Test
    void aFourteenMinuteOutageEscalatesButDoesNotRollBack() {
        GateResult result = judge(source(feed(outage(NOW.minus(Duration.ofMinutes(14)), NOW))));
        assertThat(rule(result, "probe availability", RuleFinding.Kind.ROLLBACK).fired()).isFalse();
        assertThat(rule(result, "probe availability", RuleFinding.Kind.ESCALATE).fired()).isTrue();
        assertThat(result.verdict()).as("error rate > 10% for 5m still fires").isEqualTo(Verdict.ROLLBACK);
        assertThat(rule(result, "probe error rate", RuleFinding.Kind.ROLLBACK).fired()).isTrue();
    }

    /** The same evidence judged after the fact, as a finished run would be. */
    static MetricSource notLive(MetricSource source) {
        return new MetricSource() {
            @Override
            public Window span() {
                return source.span();
            }

            @Override
            public Measurement measure(Metric metric, Scope scope, Window window) {
                return source.measure(metric, scope, window);
            }

            @Override
            public List<Window> windows(Duration step) {
                return source.windows(step);
            }

            @Override
            public boolean covers(Scope scope) {
                return source.covers(scope);
            }
        };
    }

    @Test
    void anOutageThatEndedSixMinutesAgoNoLongerRecommendsRollback() {
        RollingWindows windows = feed(outage(NOW.minus(Duration.ofMinutes(22)), NOW.minus(Duration.ofMinutes(6))));
        ProbeMetricSource lookingBackHalfAnHour = new ProbeMetricSource(windows, NOW, SPAN, Duration.ofMinutes(30));

        GateResult live = judge(lookingBackHalfAnHour);
        RuleFinding rollback = rule(live, "probe availability", RuleFinding.Kind.ROLLBACK);
        assertThat(rollback.fired()).isFalse();
        assertThat(rollback.explanation()).startsWith(
                "availability <= 0 % for 15m held 16m, 11:38:00–11:54:00 (worst 0 % in a 10s window),"
                        + " which ended 6m ago: no longer fires");
        assertThat(live.verdict()).as("the last 5 minutes are healthy").isEqualTo(Verdict.GO);

        GateResult afterTheFact = judge(notLive(lookingBackHalfAnHour));
        assertThat(rule(afterTheFact, "probe availability", RuleFinding.Kind.ROLLBACK).fired()).isTrue();
        assertThat(afterTheFact.verdict()).isEqualTo(Verdict.ROLLBACK);

        assertThat(rule(judge(source(windows)), "probe availability", RuleFinding.Kind.ROLLBACK).fired()).isFalse();
    }

    @Test
    void measuresOneProbeOrTheServiceAndNothingElse() {
        RollingWindows windows = feed((p, r, at) -> p.equals("api") && r % 10 == 0 ? REFUSED : OK);
        ProbeMetricSource source = source(windows);
        Window span = source.span();
        assertThat(span).isEqualTo(new Window(NOW.minus(SPAN), NOW));
        assertThat(source.measure(Metric.AVAILABILITY, new Scope.Probe("api"), span)).isEqualTo(new Measurement(0.9, 20, span));
        assertThat(source.measure(Metric.ERROR_RATE, new Scope.Probe("home"), span)).isEqualTo(new Measurement(0.0, 20, span));
        assertThat(source.measure(Metric.THROUGHPUT, SERVICE, span)).isEqualTo(new Measurement(100 / 300.0, 100, span));
        assertThat(source.measure(Metric.MAX, SERVICE, span)).isEqualTo(new Measurement(30.0, 100, span));
        assertThat(source.measure(Metric.P50, SERVICE, span).value()).isCloseTo(30, within(30 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(source.measure(Metric.P99, new Scope.Probe("api"), span).value()).isCloseTo(30, within(30 * LatencyBuckets.RELATIVE_ERROR));
        assertThat(source.measure(Metric.AVAILABILITY, new Scope.Probe("nope"), span).hasData()).isFalse();
        assertThat(source.measure(Metric.ERROR_RATE, new Scope.Http(), span).hasData()).isFalse();
        assertThat(source.measure(Metric.WS_CONNECT_ERROR_RATE, SERVICE, span).hasData()).isFalse();

        assertThat(source.covers(SERVICE)).isTrue();
        assertThat(source.covers(new Scope.Probe("api"))).isTrue();
        assertThat(source.covers(new Scope.Http())).isFalse();
        assertThat(source.covers(new Scope.Request("login"))).isFalse();
        assertThat(source.live()).isTrue();
    }

    @Test
    void ruleWindowsAreTenSecondStepsOverTheLongestForPlusAMarginEndingNow() {
        assertThat(ProbeMetricSource.lookback(POLICY, SPAN)).as("escalate for 15m + 2m").isEqualTo(Duration.ofMinutes(17));
        Instant now = NOW.plusMillis(3_300);
        ProbeMetricSource source = ProbeMetricSource.forPolicy(feed((p, r, at) -> OK), now, SPAN, POLICY);
        List<Window> windows = source.windows(Duration.ofSeconds(10));
        assertThat(windows).hasSize(103);
        assertThat(windows.getFirst()).isEqualTo(new Window(Instant.parse("2026-03-02T11:43:00Z"), Instant.parse("2026-03-02T11:43:10Z")));
        assertThat(windows.getLast()).isEqualTo(new Window(NOW, now));
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
        }
        assertThatThrownBy(() -> new ProbeMetricSource(new RollingWindows(Clock.systemUTC()), NOW, SPAN, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenMinuteOutageAfterAnHourOfHealthPagesWithinTheHour() {
        RollingWindows windows = new RollingWindows(Clock.fixed(NOW, ZoneOffset.UTC));
        // four probes every 15 s for 70 minutes: 16 results a minute
        Instant start = NOW.minus(Duration.ofMinutes(70));
        for (int s = 0; s < 70 * 60; s += 15) {
            for (int i = 0; i < 4; i++) {
                Instant at = start.plusSeconds(s + 3L * i);
                boolean down = !at.isBefore(NOW.minus(Duration.ofMinutes(10)));
                windows.record("p" + i, at, !down, Duration.ofMillis(down ? 1 : 30));
            }
        }
        BurnRateJudge judge = BurnRateJudge.fromPolicy(POLICY).orElseThrow();
        List<BurnRateStatus> statuses = source(windows).burnRates(judge);
        assertThat(statuses).extracting(s -> s.rule().name(), BurnRateStatus::firing).containsExactly(
                Tuple.tuple("2% of budget in 1h", true),
                Tuple.tuple("5% of budget in 6h", true),
                Tuple.tuple("10% of budget in 3d", true));
        BurnRateStatus fast = statuses.getFirst();
        assertThat(fast.longSamples()).isEqualTo(960);
        assertThat(fast.shortSamples()).isEqualTo(80);
        assertThat(fast.longBurn()).isCloseTo(160 / 960.0 / 0.001, within(1e-9));
        assertThat(fast.shortBurn()).isCloseTo(1000, within(1e-9));
        assertThat(fast.explanation()).isEqualTo("2% of budget in 1h (14.4x over 1h and 5m): burn 166.7x over 1h (160 of 960 failed)"
                + " and 1000x over 5m (80 of 80 failed): page, both at or above 14.4x");
    }
}
