package dev.hypercare.slo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One named threshold of a policy: a metric over a scope and its levels, already parsed. A key
 * threshold with no data makes the verdict INCONCLUSIVE. {@code minSamples} is empty when the
 * policy's default applies. Disabled thresholds stay in the policy (overrides may enable them) but
 * are not evaluated.
 */
public record Threshold(
        String name,
        Metric metric,
        Scope scope,
        boolean key,
        boolean enabled,
        Map<Level, Condition> levels,
        OptionalLong minSamples) {

    public Threshold {
        // EnumMap keeps the levels in declaration order for limits text; it cannot copy an empty map.
        levels = levels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(levels));
    }

    public Optional<Condition> level(Level level) {
        return Optional.ofNullable(levels.get(level));
    }

    /** All levels are against the baseline (a threshold never mixes the two kinds). */
    public boolean comparesWithBaseline() {
        return levels.values().stream().anyMatch(Condition::comparesWithBaseline);
    }

    /** Whether a Finding is made: the threshold sets a target, warn or critical level. */
    public boolean judged() {
        return levels.containsKey(Level.TARGET) || levels.containsKey(Level.WARN) || levels.containsKey(Level.CRITICAL);
    }
}
