package dev.hypercare.slo;

import dev.hypercare.DurationText;
import dev.hypercare.yaml.FieldLocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The rules a bound policy (or a profile's overrides) must meet beyond its types, and the parsing of
 * its levels and scopes. The first broken rule is the one-line error; {@code at} names the file and
 * line (or the origin of the overrides) and what was written there.
 */
final class PolicyReader {
    static final int VERSION = 1;
    static final long DEFAULT_MIN_SAMPLES = 100;
    static final Duration DEFAULT_STEP = Duration.ofSeconds(10);
    /** In overrides, a level written {@code none} removes the level. */
    static final String NONE = "none";

    private final FieldLocator at;

    PolicyReader(FieldLocator at) {
        this.at = at;
    }

    SloPolicy read(PolicyFile file) {
        at.require(file.version() != null && file.version() == VERSION, "version", Integer.toString(VERSION));
        long minSamples = file.minSamples() == null ? DEFAULT_MIN_SAMPLES : minSamples(file.minSamples(), "minSamples");
        Duration step = file.evaluationStep() == null ? DEFAULT_STEP : step(file.evaluationStep(), "evaluationStep");
        boolean excludeRamps = file.excludeRamps() == null || file.excludeRamps();
        at.require(file.thresholds() != null && !file.thresholds().isEmpty(), "thresholds", "a list of at least one threshold");
        List<Threshold> thresholds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < file.thresholds().size(); i++) {
            String path = "thresholds[" + i + "]";
            PolicyFile.Entry entry = file.thresholds().get(i);
            at.require(entry != null, path, "a threshold (a mapping with name, metric, scope and levels)");
            at.require(entry.name() != null && !entry.name().isBlank(), path + ".name", "a threshold name");
            at.require(names.add(entry.name().strip()), path + ".name", "a name no other threshold uses");
            thresholds.add(threshold(Optional.empty(), entry.name().strip(), entry, path));
        }
        return new SloPolicy(VERSION, minSamples, step, excludeRamps, thresholds);
    }

    SloPolicy override(SloPolicy base, PolicyFile.Overrides overrides) {
        if (overrides == null) {
            return base;
        }
        long minSamples = overrides.minSamples() == null ? base.minSamples() : minSamples(overrides.minSamples(), "policy.minSamples");
        Duration step = overrides.evaluationStep() == null ? base.evaluationStep() : step(overrides.evaluationStep(), "policy.evaluationStep");
        boolean excludeRamps = overrides.excludeRamps() == null ? base.excludeRamps() : overrides.excludeRamps();
        List<Threshold> thresholds = new ArrayList<>(base.thresholds());
        Map<String, PolicyFile.Entry> changes = overrides.thresholds() == null ? Map.of() : overrides.thresholds();
        for (Map.Entry<String, PolicyFile.Entry> change : changes.entrySet()) {
            String name = change.getKey().strip();
            String path = "policy.thresholds." + change.getKey();
            PolicyFile.Entry entry = change.getValue();
            at.require(entry != null, path, "a mapping of the fields to replace");
            at.require(entry.name() == null, path + ".name", "no name (the key names the threshold)");
            Optional<Threshold> existing = base.threshold(name);
            Threshold changed = threshold(existing, name, entry, path);
            existing.ifPresentOrElse(t -> thresholds.set(thresholds.indexOf(t), changed), () -> thresholds.add(changed));
        }
        return new SloPolicy(VERSION, minSamples, step, excludeRamps, thresholds);
    }

    /** A threshold from {@code entry}, on top of {@code base} when it changes an existing one. */
    private Threshold threshold(Optional<Threshold> base, String name, PolicyFile.Entry entry, String path) {
        Metric metric;
        if (entry.metric() != null) {
            metric = Metric.ofKey(entry.metric().strip()).orElseThrow(() -> at.problem(path + ".metric", "one of " + Metric.keys()));
            base.ifPresent(b -> at.require(b.metric() == metric, path + ".metric",
                    "the threshold's own metric " + b.metric().key() + " (add a threshold under a new name to judge another)"));
        } else {
            metric = base.map(Threshold::metric).orElseThrow(() -> at.problem(path + ".metric", "one of " + Metric.keys()));
        }
        Scope scope;
        if (entry.scope() != null) {
            scope = Scope.parse(entry.scope()).orElseThrow(() -> at.problem(path + ".scope", Scope.WRITTEN_FORMS));
        } else {
            scope = base.map(Threshold::scope).orElseThrow(() -> at.problem(path + ".scope", Scope.WRITTEN_FORMS));
        }
        boolean key = entry.key() != null ? entry.key() : base.map(Threshold::key).orElse(false);
        boolean enabled = entry.enabled() != null ? entry.enabled() : base.map(Threshold::enabled).orElse(true);
        OptionalLong minSamples = entry.minSamples() != null
                ? OptionalLong.of(minSamples(entry.minSamples(), path + ".minSamples"))
                : base.map(Threshold::minSamples).orElse(OptionalLong.empty());

        Map<Level, Condition> levels = new EnumMap<>(Level.class);
        base.ifPresent(b -> levels.putAll(b.levels()));
        for (Level level : Level.values()) {
            Object written = entry.level(level);
            if (written == null) {
                continue;
            }
            String field = path + "." + level.field();
            if (!(written instanceof String text)) {
                throw at.problem(field, "a level in quotes like " + ConditionGrammar.example(metric));
            }
            if (base.isPresent() && text.strip().equals(NONE)) {
                levels.remove(level);
                continue;
            }
            try {
                levels.put(level, ConditionGrammar.parse(text, metric, level));
            } catch (InvalidConditionException e) {
                throw at.problem(field, e.expected());
            }
        }
        at.require(!levels.isEmpty(), path, "at least one of target, warn, critical, rollback or escalate", "none");
        consistent(levels, path);
        return new Threshold(name, metric, scope, key, enabled, levels, minSamples);
    }

    /** One kind of level per threshold, and critical no milder than warn. */
    private void consistent(Map<Level, Condition> levels, String path) {
        Level first = levels.keySet().iterator().next();
        Condition reference = levels.get(first);
        for (Map.Entry<Level, Condition> e : levels.entrySet()) {
            if (e.getValue().comparesWithBaseline() != reference.comparesWithBaseline()) {
                String kind = reference.comparesWithBaseline() ? "a level against the baseline" : "an absolute level";
                at.require(false, path + "." + e.getKey().field(),
                        kind + " like " + first.field() + " ('" + reference.written() + "'); a threshold does not mix the two");
            }
        }
        Condition warn = levels.get(Level.WARN);
        Condition critical = levels.get(Level.CRITICAL);
        if (warn != null && critical != null) {
            String field = path + "." + Level.CRITICAL.field();
            at.require(warn.comparison().upward() == critical.comparison().upward(), field,
                    "a critical level in the same direction as warn ('" + warn.written() + "')");
            boolean beyond = warn.comparison().upward() ? critical.value() >= warn.value() : critical.value() <= warn.value();
            at.require(beyond, field, "a critical level at or beyond warn ('" + warn.written() + "')");
        }
    }

    private long minSamples(long value, String path) {
        at.require(value >= 1, path, "an integer >= 1", Long.toString(value));
        return value;
    }

    private Duration step(Duration value, String path) {
        at.require(value.isPositive(), path, "a duration above 0", DurationText.format(value));
        return value;
    }



}
