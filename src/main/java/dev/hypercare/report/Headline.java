package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.List;
import java.util.function.Predicate;

/**
 * The first thing every report says: the verdict with its colour ({@code NO-GO — RED}) and one line
 * naming what decided it, following the verdict's precedence (rollback, fail, no data, warn).
 */
public record Headline(String title, String reason) {
    private static final int NAMED = 3;

    public static Headline of(GateResult result) {
        var verdict = result.verdict();
        String title = verdict.label() + " — " + verdict.colour();
        String reason = switch (verdict) {
            case ROLLBACK -> firedRollbacks(result.rules());
            case NO_GO -> listed(result.findings(), f -> f.outcome() == Outcome.FAIL, "failed");
            case INCONCLUSIVE -> result.inconclusiveReason()
                    .orElseGet(() -> listed(result.findings(), f -> f.outcome() == Outcome.NO_DATA && f.key(), "had no data"));
            case GO_WITH_RISKS -> listed(result.findings(), f -> f.outcome() == Outcome.WARN, "warned");
            case GO -> allPassed(result);
        };
        return new Headline(title, reason);
    }

    public static Headline of(GateReport report) {
        return of(report.result());
    }

    private static String firedRollbacks(List<RuleFinding> rules) {
        List<RuleFinding> fired = rules.stream().filter(r -> r.fired() && r.kind() == RuleFinding.Kind.ROLLBACK).toList();
        if (fired.isEmpty()) {
            return "A rollback rule fired.";
        }
        if (fired.size() == 1) {
            RuleFinding rule = fired.getFirst();
            return "Rollback rule " + rule.name() + " fired: " + rule.condition() + " on " + rule.scope().label() + ".";
        }
        return fired.size() + " rollback rules fired: " + names(fired.stream().map(RuleFinding::name).toList()) + ".";
    }

    private static String listed(List<Finding> findings, Predicate<Finding> which, String verb) {
        List<Finding> hits = findings.stream().filter(which).toList();
        if (hits.isEmpty()) {
            return "No threshold " + verb + ".";
        }
        if (hits.size() == 1) {
            Finding f = hits.getFirst();
            return f.name() + " on " + f.scope().label() + " " + verb + ": " + measured(f) + ".";
        }
        return hits.size() + " thresholds " + verb + ": "
                + names(hits.stream().map(f -> f.name() + " (" + ValueText.of(f.measured(), f.metric().unit()) + ")").toList()) + ".";
    }

    private static String measured(Finding f) {
        if (f.outcome() == Outcome.NO_DATA) {
            return ValueText.count(f.samples()) + " samples, " + ValueText.count(f.minSamples()) + " needed";
        }
        return ValueText.of(f.measured(), f.metric().unit()) + " (limits: " + f.limits() + ")";
    }

    /** GO: every threshold passed, or some were not judged (skipped, or too few samples on a non-key one); say which. */
    private static String allPassed(GateResult result) {
        int n = result.findings().size();
        long passed = result.findings().stream().filter(f -> f.outcome() == Outcome.PASS).count();
        long skipped = result.findings().stream().filter(f -> f.outcome() == Outcome.SKIPPED).count();
        long thin = n - passed - skipped;
        String head = passed == n
                ? (n == 1 ? "The threshold passed" : "All " + n + " thresholds passed")
                : passed + (passed == 1 ? " threshold passed" : " thresholds passed")
                        + (skipped > 0 ? ", " + skipped + " not judged" : "")
                        + (thin > 0 ? ", " + thin + " without enough data" : "");
        return head + (result.rules().isEmpty() ? "." : "; no rollback rule fired.");
    }

    private static String names(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
    }
}
