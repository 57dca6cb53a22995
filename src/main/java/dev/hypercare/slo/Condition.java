package dev.hypercare.slo;

import java.time.Duration;
import java.util.Optional;

/**
 * One parsed level ({@code > 1%}, {@code > 5s for 5m}, {@code -10% vs baseline}, {@code > 3x baseline}),
 * see {@link ConditionGrammar}. {@code value} is in the metric's base unit (ratios as fractions,
 * latencies in ms) for {@link Basis#ABSOLUTE}, and a factor of the baseline's value otherwise
 * ({@code -10% vs baseline} is {@code <= 0.9}). {@code written} is the text as the user wrote it.
 */
public record Condition(Comparison comparison, double value, Basis basis, Optional<Duration> sustained, String written) {

    public enum Basis {
        ABSOLUTE,
        /** {@code -10% vs baseline}: a change relative to the baseline's value. */
        BASELINE_CHANGE,
        /** {@code > 3x baseline}: a multiple of the baseline's value. */
        BASELINE_RATIO
    }

    public boolean comparesWithBaseline() {
        return basis != Basis.ABSOLUTE;
    }

    /** The limit in the metric's unit; {@code baseline} is ignored for absolute levels. */
    public double limit(double baseline) {
        return comparesWithBaseline() ? value * baseline : value;
    }

    /** Whether {@code measured} meets the condition (breaches it, for a warn/critical/rollback level). */
    public boolean holds(double measured, double baseline) {
        return comparison.test(measured, limit(baseline));
    }

    /** The worse of two measured values as this condition sees it (NaN counts as no value). */
    double worse(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return comparison.upward() ? Math.max(a, b) : Math.min(a, b);
    }
}
