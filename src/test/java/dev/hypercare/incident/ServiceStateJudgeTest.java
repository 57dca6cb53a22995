package dev.hypercare.incident;

import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import dev.hypercare.slo.Window;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceStateJudgeTest {
    private static final Window WINDOW = new Window(T0, T0.plus(Duration.ofMinutes(5)));
    private static final Scope PROBE = new Scope.Probe("demo live");

    private static Finding finding(String name, Outcome outcome, String explanation) {
        return new Finding(name, Metric.ERROR_RATE, PROBE, WINDOW, outcome == Outcome.NO_DATA ? Double.NaN : 0.02, 300, 100, outcome,
                "target < 0.5 %, warn > 1 %, critical > 5 %", true, explanation);
    }

    private static RuleFinding rule(RuleFinding.Kind kind, boolean fired, String explanation) {
        return new RuleFinding("probe error rate", kind, Metric.ERROR_RATE, PROBE, "> 10 % for 5m", fired,
                fired ? Optional.of(WINDOW) : Optional.empty(), 0.12, explanation);
    }

    private static GateResult gate(Verdict verdict, List<Finding> findings, List<RuleFinding> rules) {
        return new GateResult(verdict, findings, rules, Optional.empty());
    }

    private static final GateResult GO = gate(Verdict.GO, List.of(finding("probe error rate", Outcome.PASS, "error_rate 0.1 % meets target")),
            List.of(rule(RuleFinding.Kind.ROLLBACK, false, "never held")));
    private static final GateResult WARN = gate(Verdict.GO_WITH_RISKS, List.of(finding("probe error rate", Outcome.WARN, "error_rate 2 % > warn 1 %")),
            List.of());
    private static final GateResult FAIL = gate(Verdict.NO_GO, List.of(finding("probe error rate", Outcome.FAIL, "error_rate 7 % > critical 5 %")),
            List.of(rule(RuleFinding.Kind.ROLLBACK, false, "held 2m, short of 5m")));
    private static final GateResult ROLLBACK = gate(Verdict.ROLLBACK,
            List.of(finding("probe error rate", Outcome.FAIL, "error_rate 12 % > critical 5 %")),
            List.of(rule(RuleFinding.Kind.ROLLBACK, true, "error_rate > 10 % for 5m held 6m: roll back")));
    private static final GateResult INCONCLUSIVE = new GateResult(Verdict.INCONCLUSIVE,
            List.of(finding("probe error rate", Outcome.NO_DATA, "no verdict from 12 probe runs")), List.of(),
            Optional.of("no data for key thresholds: probe error rate (12 probe runs, 100 needed)"));

    private static Incident incident(String key, Severity severity, String title) {
        return new Incident("INC-20261122-007", key, title, severity, 0, T0, Optional.empty(), List.of());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"GO, OK", "WARN, DEGRADED", "FAIL, CRITICAL", "ROLLBACK, ROLLBACK_RECOMMENDED", "INCONCLUSIVE, OK"})
    void eachVerdictHasItsState(String gate, ServiceState state) {
        GateResult result = switch (gate) {
            case "GO" -> GO;
            case "WARN" -> WARN;
            case "FAIL" -> FAIL;
            case "ROLLBACK" -> ROLLBACK;
            default -> INCONCLUSIVE;
        };
        assertThat(ServiceStateJudge.assess(result, List.of()).state()).isEqualTo(state);
    }

    @Test
    void reasonsComeFromTheExplanationsGravestFirst() {
        assertThat(ServiceStateJudge.assess(GO, List.of()).reasons()).isEmpty();
        assertThat(ServiceStateJudge.assess(WARN, List.of()).reasons()).containsExactly("probe error rate: error_rate 2 % > warn 1 %");
        assertThat(ServiceStateJudge.assess(ROLLBACK, List.of()).reasons()).containsExactly(
                "probe error rate: error_rate > 10 % for 5m held 6m: roll back",
                "probe error rate: error_rate 12 % > critical 5 %");
    }

    @Test
    void notEnoughSamplesIsOkAndSaysSo() {
        ServiceAssessment a = ServiceStateJudge.assess(INCONCLUSIVE, List.of());
        assertThat(a.state()).isEqualTo(ServiceState.OK);
        assertThat(a.reasons()).containsExactly(
                "not enough samples yet: no data for key thresholds: probe error rate (12 probe runs, 100 needed)");
    }

    @Test
    void aWarningInAnInconclusiveGateStillDegrades() {
        GateResult gate = new GateResult(Verdict.INCONCLUSIVE, List.of(finding("probe error rate", Outcome.NO_DATA, "no verdict"),
                finding("probe p95", Outcome.WARN, "p95 250 ms > warn 200 ms")), List.of(), Optional.empty());
        ServiceAssessment a = ServiceStateJudge.assess(gate, List.of());
        assertThat(a.state()).isEqualTo(ServiceState.DEGRADED);
        assertThat(a.reasons()).containsExactly("probe p95: p95 250 ms > warn 200 ms", "not enough samples yet");
    }

    @ParameterizedTest(name = "{1} incident {0} → {2}")
    @CsvSource({
            "probe:demo live, P0, CRITICAL",
            "probe:demo live, P1, CRITICAL",
            "probe:demo live, P2, DEGRADED",
            "probe:demo live, P3, DEGRADED",
            "probe:demo live/rollback, P0, ROLLBACK_RECOMMENDED",
            "rule:http error rate/rollback, P0, ROLLBACK_RECOMMENDED",
            "rule:http error rate/escalate, P1, CRITICAL"})
    void openIncidentsSetTheFloor(String key, Severity severity, ServiceState state) {
        ServiceAssessment a = ServiceStateJudge.assess(GO, List.of(incident(key, severity, "demo live failing: refused")));
        assertThat(a.state()).isEqualTo(state);
        assertThat(a.reasons()).containsExactly("INC-20261122-007 (" + severity + "): demo live failing: refused");
    }

    @Test
    void theWorstEvidenceWins() {
        Incident p3 = incident("probe:docs", Severity.P3, "docs failing: status");
        assertThat(ServiceStateJudge.assess(FAIL, List.of(p3)).state()).isEqualTo(ServiceState.CRITICAL);
        assertThat(ServiceStateJudge.assess(FAIL, List.of(p3)).reasons()).containsExactly(
                "probe error rate: error_rate 7 % > critical 5 %", "INC-20261122-007 (P3): docs failing: status");
        Incident rollback = incident("probe:api/rollback", Severity.P0, "rollback recommended: api inaccessible for over 15m");
        assertThat(ServiceStateJudge.assess(WARN, List.of(rollback)).state()).isEqualTo(ServiceState.ROLLBACK_RECOMMENDED);
    }

    @Test
    void resolvedIncidentsDoNotCount() {
        Incident resolved = new Incident("INC-20261122-001", "probe:api", "api failing: refused", Severity.P0, 0, T0, Optional.of(T0),
                List.of());
        assertThat(ServiceStateJudge.assess(GO, List.of(resolved)).state()).isEqualTo(ServiceState.OK);
    }

    @Test
    void aVerdictWithoutItsEvidenceIsStillNamed() {
        GateResult bare = gate(Verdict.NO_GO, List.of(), List.of());
        assertThat(ServiceStateJudge.assess(bare, List.of()).reasons()).containsExactly("policy verdict NO-GO");
    }

    @Test
    void aChangeIsReportedOnlyWhenTheStateMoves() {
        ServiceStateJudge judge = new ServiceStateJudge(ServiceState.OK);
        assertThat(judge.judge(GO, List.of(), T0)).isEmpty();

        Incident p1 = incident("probe:api", Severity.P1, "api failing: timeout");
        assertThat(judge.judge(WARN, List.of(p1), T0.plusSeconds(15))).contains(new StateChange(T0.plusSeconds(15), ServiceState.OK,
                ServiceState.CRITICAL, List.of("INC-20261122-007 (P1): api failing: timeout", "probe error rate: error_rate 2 % > warn 1 %")));
        assertThat(judge.judge(FAIL, List.of(p1), T0.plusSeconds(30))).isEmpty();
        assertThat(judge.state()).isEqualTo(ServiceState.CRITICAL);
        assertThat(judge.current().reasons()).hasSize(2);

        assertThat(judge.judge(ROLLBACK, List.of(), T0.plusSeconds(45)))
                .hasValueSatisfying(c -> assertThat(c.to()).isEqualTo(ServiceState.ROLLBACK_RECOMMENDED));
        assertThat(judge.judge(GO, List.of(), T0.plusSeconds(60)))
                .hasValueSatisfying(c -> {
                    assertThat(c.from()).isEqualTo(ServiceState.ROLLBACK_RECOMMENDED);
                    assertThat(c.to()).isEqualTo(ServiceState.OK);
                    assertThat(c.reasons()).isEmpty();
                });
    }

    @Test
    void aRestoredStateIsNotReportedAgain() {
        ServiceStateJudge judge = new ServiceStateJudge(ServiceState.DEGRADED);
        assertThat(judge.judge(WARN, List.of(), T0)).isEmpty();
    }
}
