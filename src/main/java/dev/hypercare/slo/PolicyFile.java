package dev.hypercare.slo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The policy as written, bound strictly before its rules are checked. Levels and scopes stay text
 * here so that their messages can show what was written; {@link PolicyReader} parses them.
 */
record PolicyFile(
        Integer version,
        Long minSamples,
        Duration evaluationStep,
        Boolean excludeRamps,
        List<Entry> thresholds) {

    /** One threshold as written (levels as Object, to say "quote it" rather than "expected a string"); in overrides, the fields given replace the named threshold's own. */
    record Entry(
            String name,
            String metric,
            String scope,
            Boolean key,
            Boolean enabled,
            Object target,
            Object warn,
            Object critical,
            Object rollback,
            Object escalate,
            Long minSamples) {

        /** The level as bound: text when quoted, a number or a mapping when the user forgot the quotes. */
        Object level(Level level) {
            return switch (level) {
                case TARGET -> target;
                case WARN -> warn;
                case CRITICAL -> critical;
                case ROLLBACK -> rollback;
                case ESCALATE -> escalate;
            };
        }
    }

    /** A profile's {@code policy:} section: the same fields, thresholds keyed by name. */
    record Overrides(
            Long minSamples,
            Duration evaluationStep,
            Boolean excludeRamps,
            Map<String, Entry> thresholds) {}

    /** The wrapper that makes override paths read {@code policy.thresholds.p95.warn}. */
    record InProfile(Overrides policy) {}
}
