package dev.hypercare.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloEvaluatorTest {
    private static final Scope HTTP = new Scope.Http();

    private static SloPolicy policy(String step, String thresholds) {
        return SloPolicy.parse("test-policy.yaml", "version: 1\nminSamples: 100\nevaluationStep: " + step + "\nthresholds:\n" + thresholds);
    }

    private static final SloPolicy ERRORS = policy("10s", """
              - name: http error rate
                metric: error_rate
                scope: http
                key: true
                target: "< 0.5%"
                warn: "> 1%"
                critical: "> 5%"
            """);

    private static GateResult judge(SloPolicy policy, MetricSource source) {
        return SloEvaluator.evaluate(policy, source, Optional.empty());
    }

    @ParameterizedTest(name = "{0} failures in 1000 → {1}")
    @CsvSource(delimiter = '|', value = {
            "4 | PASS | error_rate 0.4 % meets target < 0.5 % over 1,000 requests, 16:00:00–16:00:01",
            "5 | PASS | error_rate 0.5 % is above target < 0.5 %, within warn > 1 % over 1,000 requests, 16:00:00–16:00:01",
            "10 | PASS | error_rate 1 % is above target < 0.5 %, within warn > 1 % over 1,000 requests, 16:00:00–16:00:01",
            "11 | WARN | error_rate 1.1 % > warn 1 % over 1,000 requests, 16:00:00–16:00:01",
            "50 | WARN | error_rate 5 % > warn 1 % over 1,000 requests, 16:00:00–16:00:01",
            "51 | FAIL | error_rate 5.1 % > critical 5 % over 1,000 requests, 16:00:00–16:00:01"})
    void outcomeChangesExactlyAtEachLevel(long failures, Outcome outcome, String explanation) {
        Finding f = judge(ERRORS, FakeSource.empty().http(1, 1000, failures, 50)).findings().getFirst();
        assertThat(f.outcome()).isEqualTo(outcome);
        assertThat(f.explanation()).isEqualTo(explanation);
        assertThat(f.limits()).isEqualTo("target < 0.5 %, warn > 1 %, critical > 5 %");
        assertThat(f.measured()).isEqualTo(failures / 1000.0);
    }

    @Test
    void fewerSamplesThanTheMinimumIsNoDataNeverPass() {
        Finding thin = judge(ERRORS, FakeSource.empty().http(1, 99, 0, 50)).findings().getFirst();
        assertThat(thin.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(thin.measured()).isNaN();
        assertThat(thin.explanation()).isEqualTo("error_rate: no verdict from 99 requests, fewer than the 100 needed, 16:00:00–16:00:01");
        assertThat(judge(ERRORS, FakeSource.empty().http(1, 100, 0, 50)).findings().getFirst().outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(ERRORS, FakeSource.empty().http(10, 0, 0, 50)).findings().getFirst().outcome()).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void keyThresholdWithoutDataMakesTheVerdictInconclusiveAndNamesIt() {
        GateResult result = judge(ERRORS, FakeSource.empty().http(1, 99, 0, 50));
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.inconclusiveReason()).contains("no data for key thresholds: http error rate (99 requests, 100 needed)");
    }

    @Test
    void nonKeyThresholdWithoutDataDoesNotBlockAGo() {
        SloPolicy policy = policy("10s", """
                  - name: http error rate
                    metric: error_rate
                    scope: http
                    warn: "> 1%"
                  - name: login failures
                    metric: auth_failure_rate
                    scope: request:login
                    warn: "> 1%"
                """);
        GateResult result = judge(policy, FakeSource.empty().http(10, 100, 0, 50));
        assertThat(result.findings()).extracting(Finding::outcome).containsExactly(Outcome.PASS, Outcome.NO_DATA);
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
        assertThat(result.inconclusiveReason()).isEmpty();
    }

    @Test
    void warnGivesGoWithRisksAndFailGivesNoGoEvenWithAKeyMetricMissing() {
        assertThat(judge(ERRORS, FakeSource.empty().http(1, 1000, 0, 50)).verdict()).isEqualTo(Verdict.GO);
        assertThat(judge(ERRORS, FakeSource.empty().http(1, 1000, 20, 50)).verdict()).isEqualTo(Verdict.GO_WITH_RISKS);
        assertThat(judge(ERRORS, FakeSource.empty().http(1, 1000, 60, 50)).verdict()).isEqualTo(Verdict.NO_GO);
        SloPolicy twoKeys = policy("10s", """
                  - name: http p95
                    metric: p95
                    scope: http
                    key: true
                    critical: "> 500ms"
                  - name: ws connects
                    metric: ws_connect_error_rate
                    scope: websocket
                    key: true
                    warn: "> 1%"
                """);
        GateResult result = judge(twoKeys, FakeSource.empty().http(62, 20, 0, 712));
        assertThat(result.verdict()).isEqualTo(Verdict.NO_GO);
        assertThat(result.findings().getFirst().explanation())
                .isEqualTo("p95 712 ms > critical 500 ms over 1,240 requests, 16:00:00–16:01:02");
    }

    private static final SloPolicy ROLLBACK_5M_EVERY_SECOND = policy("1s", """
              - name: http error rate
                metric: error_rate
                scope: http
                rollback: "> 10% for 5m"
            """);

    /** 2 healthy minutes at 100 requests/s, {@code breachSeconds} at 50 % errors, then healthy to 10 minutes. */
    private static FakeSource breach(int breachSeconds) {
        return FakeSource.empty().http(120, 100, 0, 50).http(breachSeconds, 100, 50, 50).http(480 - breachSeconds, 100, 0, 50);
    }

    @Test
    void sustainedRollbackFiresWhenTheBreachLastsFiveMinutes() {
        GateResult result = judge(ROLLBACK_5M_EVERY_SECOND, breach(300));
        RuleFinding rule = result.rules().getFirst();
        assertThat(rule.fired()).isTrue();
        assertThat(rule.kind()).isEqualTo(RuleFinding.Kind.ROLLBACK);
        assertThat(rule.longestBreach()).map(Window::length).contains(Duration.ofMinutes(5));
        assertThat(rule.worstValue()).isEqualTo(0.5);
        assertThat(rule.explanation()).isEqualTo(
                "error_rate > 10 % for 5m held 5m, 16:02:00–16:07:00 (worst 50 % in a 1s window): roll back");
        assertThat(result.verdict()).isEqualTo(Verdict.ROLLBACK);
    }

    @Test
    void sustainedRollbackDoesNotFireOnABreachOfFourMinutesFiftyNineSeconds() {
        GateResult result = judge(ROLLBACK_5M_EVERY_SECOND, breach(299));
        RuleFinding rule = result.rules().getFirst();
        assertThat(rule.fired()).isFalse();
        assertThat(rule.longestBreach()).map(Window::length).contains(Duration.ofSeconds(299));
        assertThat(rule.explanation()).isEqualTo(
                "error_rate > 10 % for 5m held at most 4m 59s, 16:02:00–16:06:59 (worst 50 % in a 1s window), short of 5m");
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
    }

    @Test
    void liveABreachThatHasEndedNoLongerFires() {
        // breach 16:02:00-16:07:00, healthy to 16:10:00
        GateResult result = judge(ROLLBACK_5M_EVERY_SECOND, breach(300).asLive());
        RuleFinding rule = result.rules().getFirst();
        assertThat(rule.fired()).isFalse();
        assertThat(rule.longestBreach()).contains(new Window(FakeSource.START.plusSeconds(120), FakeSource.START.plusSeconds(420)));
        assertThat(rule.explanation()).isEqualTo("error_rate > 10 % for 5m held 5m, 16:02:00–16:07:00 (worst 50 % in a 1s window),"
                + " which ended 3m ago: no longer fires");
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
    }

    @Test
    void liveABreachStillHoldingFiresAndIsTheOneReported() {
        // breach 16:00:30-16:06:30, healthy a minute, breach again to the end
        FakeSource twice = FakeSource.empty().http(30, 100, 0, 50).http(360, 100, 50, 50).http(60, 100, 0, 50)
                .http(300, 100, 50, 50).asLive();
        RuleFinding rule = judge(ROLLBACK_5M_EVERY_SECOND, twice).rules().getFirst();
        assertThat(rule.fired()).isTrue();
        assertThat(rule.longestBreach()).contains(new Window(FakeSource.START.plusSeconds(450), FakeSource.START.plusSeconds(750)));
        assertThat(rule.explanation()).isEqualTo("error_rate > 10 % for 5m held 5m, 16:07:30–16:12:30 (worst 50 % in a 1s window): roll back");
    }

    @Test
    void liveAnOngoingBreachTooShortIsNamedBesideTheOneThatEnded() {
        FakeSource again = FakeSource.empty().http(360, 100, 50, 50).http(60, 100, 0, 50).http(120, 100, 50, 50).asLive();
        RuleFinding rule = judge(ROLLBACK_5M_EVERY_SECOND, again).rules().getFirst();
        assertThat(rule.fired()).isFalse();
        assertThat(rule.explanation()).isEqualTo("error_rate > 10 % for 5m held 6m, 16:00:00–16:06:00 (worst 50 % in a 1s window),"
                + " which ended 3m ago: no longer fires; breaching again for 2m, short of 5m");
    }

    @Test
    void withTheDefaultStepTheBreachIsMeasuredInWholeWindows() {
        SloPolicy tenSeconds = policy("10s", """
                  - name: http error rate
                    metric: error_rate
                    scope: http
                    rollback: "> 10% for 5m"
                """);
        assertThat(judge(tenSeconds, breach(300)).rules().getFirst().fired()).isTrue();
        assertThat(judge(tenSeconds, breach(290)).rules().getFirst().fired()).isFalse();
        assertThat(judge(tenSeconds, breach(0)).rules().getFirst().explanation())
                .isEqualTo("error_rate > 10 % for 5m never held in 60 windows of 10s (worst 0 % in a 10s window)");
    }

    @Test
    void windowsTooThinToJudgeNeitherBreachNorBreakARun() {
        SloPolicy tenSeconds = policy("10s", """
                  - name: http error rate
                    metric: error_rate
                    scope: http
                    rollback: "> 10% for 5m"
                """);
        FakeSource silenceInTheMiddle = FakeSource.empty()
                .http(150, 100, 50, 50).http(20, 0, 0, 0).http(150, 100, 50, 50).http(60, 100, 0, 50);
        RuleFinding rule = judge(tenSeconds, silenceInTheMiddle).rules().getFirst();
        assertThat(rule.fired()).isTrue();
        assertThat(rule.longestBreach()).map(Window::length).contains(Duration.ofSeconds(320));
        assertThat(rule.explanation()).endsWith("roll back; 2 of 38 windows with fewer than 10 requests left out");
    }

    @Test
    void ruleWithoutForFiresOnTheWholeSpan() {
        SloPolicy auth = policy("10s", """
                  - name: auth failure rate
                    metric: auth_failure_rate
                    scope: request:login
                    warn: "> 1%"
                    rollback: "> 5%"
                """);
        FakeSource logins = FakeSource.empty().add(new Scope.Request("login"), 10, new FakeSource.Second(100, 6, 80));
        GateResult result = judge(auth, logins);
        assertThat(result.rules().getFirst().fired()).isTrue();
        assertThat(result.rules().getFirst().explanation())
                .isEqualTo("auth_failure_rate > 5 % breached: auth_failure_rate 6 % over 1,000 logins, 16:00:00–16:00:10: roll back");
        assertThat(result.verdict()).isEqualTo(Verdict.ROLLBACK);
    }

    private static final SloPolicy BASELINES = policy("10s", """
              - name: throughput vs baseline
                metric: throughput
                scope: http
                warn: "-10% vs baseline"
                critical: "-30% vs baseline"
              - name: p95 vs baseline
                metric: p95
                scope: http
                rollback: "> 3x baseline"
            """);

    private static final FakeSource BASELINE = FakeSource.empty().http(100, 100, 0, 100);

    @ParameterizedTest(name = "{0}/s against 100/s → {1}")
    @CsvSource({"91, PASS", "90, WARN", "71, WARN", "70, FAIL"})
    void throughputIsJudgedAsAChangeFromTheBaseline(long perSecond, Outcome outcome) {
        GateResult result = SloEvaluator.evaluate(BASELINES, FakeSource.empty().http(100, perSecond, 0, 100), Optional.of(BASELINE));
        assertThat(result.findings().getFirst().outcome()).isEqualTo(outcome);
    }

    @Test
    void throughputDropBeyondCriticalSaysByHowMuch() {
        Finding f = SloEvaluator.evaluate(BASELINES, FakeSource.empty().http(100, 65, 0, 100), Optional.of(BASELINE)).findings().getFirst();
        assertThat(f.explanation()).isEqualTo(
                "throughput 65/s, -35 % vs baseline 100/s, beyond critical -30 % vs baseline over 6,500 requests, 16:00:00–16:01:40");
        assertThat(f.limits()).isEqualTo("warn -10 % vs baseline, critical -30 % vs baseline");
    }

    @Test
    void p95AboveThreeTimesTheBaselineSaysConsiderRollback() {
        GateResult tripled = SloEvaluator.evaluate(BASELINES, FakeSource.empty().http(100, 100, 0, 301), Optional.of(BASELINE));
        RuleFinding rule = tripled.rules().getFirst();
        assertThat(rule.fired()).isTrue();
        assertThat(rule.explanation()).endsWith(": consider rollback");
        assertThat(tripled.verdict()).isEqualTo(Verdict.ROLLBACK);
        GateResult atThreeTimes = SloEvaluator.evaluate(BASELINES, FakeSource.empty().http(100, 100, 0, 300), Optional.of(BASELINE));
        assertThat(atThreeTimes.rules().getFirst().fired()).isFalse();
        assertThat(atThreeTimes.verdict()).isEqualTo(Verdict.GO);
    }

    @Test
    void withoutABaselineTheBaselineThresholdsAreSkippedNotNoData() {
        GateResult result = judge(BASELINES, FakeSource.empty().http(100, 10, 0, 900));
        Finding throughput = result.findings().getFirst();
        assertThat(throughput.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(throughput.explanation()).isEqualTo("throughput vs baseline not judged: it compares with a baseline run and none was given");
        assertThat(result.rules().getFirst().fired()).isFalse();
        assertThat(result.rules().getFirst().explanation()).isEqualTo("p95 > 3x baseline not judged: it compares with a baseline run and none was given");
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
    }

    @Test
    void thinBaselineIsNoData() {
        Finding f = SloEvaluator.evaluate(BASELINES, FakeSource.empty().http(100, 100, 0, 100),
                Optional.of(FakeSource.empty().http(1, 50, 0, 100))).findings().getFirst();
        assertThat(f.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(f.explanation()).isEqualTo("throughput: no verdict, the baseline has 50 requests, fewer than the 100 needed");
    }

    @Test
    void injectorFailureIsInconclusiveWithItsReason() {
        GateResult result = SloEvaluator.inconclusive("the injector exited with 137 before the hold");
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.inconclusiveReason()).contains("the injector exited with 137 before the hold");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void shippedPolicySaysGoForAHealthyRun() {
        FakeSource healthy = FakeSource.empty()
                .http(300, 100, 0, 60)
                .add(new Scope.WebSocket(), 300, new FakeSource.Second(10, 0, 5))
                .add(new Scope.Request("login"), 300, new FakeSource.Second(5, 0, 80))
                .add(new Scope.Request("health: combined"), 300, new FakeSource.Second(2, 0, 5));
        GateResult result = judge(SloPolicyTest.DEFAULT, healthy);
        assertThat(result.verdict()).isEqualTo(Verdict.GO);
        assertThat(result.findings()).extracting(Finding::name).containsExactly(
                "http error rate", "http p95", "http p99", "availability", "throughput vs baseline",
                "auth failure rate", "websocket connect error rate", "probe availability", "probe error rate", "probe p95");
        assertThat(result.findings()).filteredOn(f -> f.scope() instanceof Scope.Probes)
                .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.SKIPPED));
        assertThat(result.rules()).as("probe rules are not judged on a load test").extracting(RuleFinding::name).containsExactly(
                "http error rate", "http error rate", "http p95", "p95 vs baseline", "auth failure rate");
        assertThat(result.rules()).noneMatch(RuleFinding::fired);
    }

    @Test
    void thresholdsOnScopesTheSourceDoesNotMeasureAreSkippedAndSaySo() {
        SloPolicy policy = policy("10s", """
                  - name: probe availability
                    metric: availability
                    scope: probes
                    key: true
                    target: ">= 99.9%"
                    critical: "< 99.5%"
                    rollback: "<= 0% for 15m"
                  - name: checkout probe
                    metric: p95
                    scope: probe:checkout
                    rollback: "> 5s"
                  - name: http error rate
                    metric: error_rate
                    scope: http
                    warn: "> 1%"
                """);
        GateResult result = judge(policy, FakeSource.empty().http(10, 100, 0, 50));
        assertThat(result.findings()).extracting(Finding::name, Finding::outcome, Finding::limits, Finding::explanation).containsExactly(
                tuple("probe availability", Outcome.SKIPPED, "target >= 99.9 %, critical < 99.5 %",
                        "probe availability not judged: a load test does not measure probes"),
                tuple("checkout probe", Outcome.SKIPPED, "rollback > 5 s",
                        "checkout probe not judged: a load test does not measure probe \"checkout\""),
                tuple("http error rate", Outcome.PASS, "warn > 1 %",
                        "error_rate 0 % is within warn > 1 % over 1,000 requests, 16:00:00–16:00:10"));
        assertThat(result.rules()).as("rules on uncovered scopes are not judged, never fired").isEmpty();
        assertThat(result.verdict()).as("a key threshold skipped is not missing data").isEqualTo(Verdict.GO);
        assertThat(result.inconclusiveReason()).isEmpty();
    }
}
