package dev.hypercare.report.hypercare;

import dev.hypercare.slo.Condition;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Level;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Threshold;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The status colour "set by the policy": the SLO policy judges a span of the journal as it judges a load
 * test, GREEN for GO, AMBER for GO-WITH-RISKS, RED for NO-GO or ROLLBACK. Only thresholds on probe scopes
 * are judged (the journal holds no load-test evidence). Fail closed: a span without checks, or a policy
 * with nothing the journal can answer, is INCONCLUSIVE (GREY), never GO.
 */
final class PolicyStatus {
    private PolicyStatus() {}

    static GateResult judge(SloPolicy policy, ProbeHistory history, Window span) {
        SloPolicy probes = onProbes(policy);
        if (probes.thresholds().isEmpty()) {
            return SloEvaluator.inconclusive("the policy has no threshold on probes (scope probe:NAME), so it cannot judge the journal");
        }
        ProbeHistory.Counts counts = history.counts(history.all(), span);
        if (counts.checks() == 0) {
            return SloEvaluator.inconclusive("no probe results in " + ReportText.window(span));
        }
        GateResult result = SloEvaluator.evaluate(probes, new JournalMetricSource(history, span), Optional.empty());
        List<Finding> findings = result.findings();
        if (!findings.isEmpty() && findings.stream().allMatch(f -> f.outcome() == Outcome.NO_DATA || f.outcome() == Outcome.SKIPPED)) {
            // no key threshold among them, or the evaluator would have said so: still nothing was judged
            return new GateResult(dev.hypercare.slo.Verdict.INCONCLUSIVE, findings, result.rules(),
                    Optional.of("no threshold on probes had enough data: " + String.join(", ", findings.stream().map(Finding::name).toList())));
        }
        return result;
    }

    /**
     * The policy's enabled thresholds whose scope the journal covers, with an evaluation step of at least
     * the journal's resolution (so that rules explain themselves in the windows they were judged on).
     */
    static SloPolicy onProbes(SloPolicy policy) {
        List<Threshold> covered = policy.thresholds().stream()
                .filter(t -> t.enabled() && JournalMetricSource.coversScope(t.scope()) && !t.comparesWithBaseline())
                .toList();
        Duration step = policy.evaluationStep().compareTo(JournalMetricSource.RESOLUTION) < 0
                ? JournalMetricSource.RESOLUTION : policy.evaluationStep();
        return new SloPolicy(policy.version(), policy.minSamples(), step, policy.excludeRamps(), covered);
    }

    /** The first p95 warn and critical levels on a probe scope, for chart lines. */
    static DailyReport.ChartLimits limits(SloPolicy policy) {
        List<Threshold> p95 = onProbes(policy).thresholds().stream().filter(t -> t.metric() == Metric.P95).toList();
        return new DailyReport.ChartLimits(level(p95, Level.WARN), level(p95, Level.CRITICAL));
    }

    private static double level(List<Threshold> thresholds, Level level) {
        return thresholds.stream().map(t -> t.level(level)).flatMap(Optional::stream).mapToDouble(Condition::value)
                .findFirst().orElse(Double.NaN);
    }
}
