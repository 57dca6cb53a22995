package dev.hypercare.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges one source of evidence by the policy: a {@link Finding} per threshold with a target, warn or
 * critical level, a {@link RuleFinding} per rollback or escalate level, and the verdict by the
 * precedence of {@link Verdict}. Pure: it only asks the sources for snapshot values.
 * Thresholds against a baseline are SKIPPED without a baseline source (not NO_DATA: nothing is missing
 * from the run itself). A threshold on a scope the source does not cover (probes in a load test, HTTP
 * requests in the probe runner) gives one SKIPPED finding that says so, and its rules are not judged.
 * Disabled thresholds are left out.
 */
public final class SloEvaluator {
    private SloEvaluator() {}

    public static GateResult evaluate(SloPolicy policy, MetricSource source, Optional<MetricSource> baseline) {
        List<Finding> findings = new ArrayList<>();
        List<RuleFinding> rules = new ArrayList<>();
        for (Threshold t : policy.thresholds()) {
            if (!t.enabled()) {
                continue;
            }
            long minSamples = policy.minSamplesFor(t);
            if (!source.covers(t.scope())) {
                findings.add(FindingJudge.uncovered(t, minSamples, source));
                continue;
            }
            if (t.judged()) {
                findings.add(FindingJudge.judge(t, minSamples, source, baseline));
            }
            for (Level level : new Level[] {Level.ROLLBACK, Level.ESCALATE}) {
                t.level(level).ifPresent(c -> rules.add(
                        RuleJudge.judge(t, level, c, minSamples, policy.evaluationStep(), source, baseline)));
            }
        }
        Verdict verdict = verdict(findings, rules);
        Optional<String> reason = verdict == Verdict.INCONCLUSIVE ? Optional.of(noDataReason(findings)) : Optional.empty();
        return new GateResult(verdict, findings, rules, reason);
    }

    /** The result when nothing can be judged, e.g. the injector failed: INCONCLUSIVE for {@code reason}. */
    public static GateResult inconclusive(String reason) {
        return new GateResult(Verdict.INCONCLUSIVE, List.of(), List.of(), Optional.of(reason));
    }

    /** ROLLBACK if a rollback rule fired; else NO-GO on any FAIL; else INCONCLUSIVE on a key NO_DATA; else GO-WITH-RISKS on any WARN; else GO. */
    static Verdict verdict(List<Finding> findings, List<RuleFinding> rules) {
        if (rules.stream().anyMatch(r -> r.fired() && r.kind() == RuleFinding.Kind.ROLLBACK)) {
            return Verdict.ROLLBACK;
        }
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.FAIL)) {
            return Verdict.NO_GO;
        }
        if (findings.stream().anyMatch(f -> f.key() && f.outcome() == Outcome.NO_DATA)) {
            return Verdict.INCONCLUSIVE;
        }
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.WARN)) {
            return Verdict.GO_WITH_RISKS;
        }
        return Verdict.GO;
    }

    private static String noDataReason(List<Finding> findings) {
        return "no data for key thresholds: " + findings.stream()
                .filter(f -> f.key() && f.outcome() == Outcome.NO_DATA)
                .map(f -> f.name() + " (" + Quantities.count(f.samples()) + " " + Evidence.noun(f.metric(), f.scope())
                        + ", " + Quantities.count(f.minSamples()) + " needed)")
                .collect(Collectors.joining(", "));
    }
}
