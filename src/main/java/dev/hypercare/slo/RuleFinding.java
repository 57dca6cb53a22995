package dev.hypercare.slo;

import java.util.Optional;

/**
 * A rollback or escalation rule ("error rate > 10 % for 5m") and whether it fired: it fires when its
 * condition held in every evaluation window of a span at least as long as its {@code for:}. The span
 * is the longest such run found.
 */
public record RuleFinding(
        String name,
        Kind kind,
        Metric metric,
        Scope scope,
        String condition,
        boolean fired,
        Optional<Window> longestBreach,
        double worstValue,
        String explanation) {

    public enum Kind { ROLLBACK, ESCALATE }
}
