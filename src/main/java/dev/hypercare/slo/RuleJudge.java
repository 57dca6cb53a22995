package dev.hypercare.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rollback or escalate level: a {@link RuleFinding}. With {@code for}, the condition is checked in
 * every evaluation window and the rule fires when the longest run of consecutive breaching windows
 * spans at least {@code for}. Windows with fewer than a tenth of the threshold's minimum samples are
 * left out: they neither breach nor break a run (a run may bridge them), since a handful of requests
 * says nothing either way; the run then spans from its first to its last breaching window. The
 * resolution is therefore the evaluation step. For a {@linkplain MetricSource#live() live} source, only
 * the run the latest judged window belongs to counts: a breach that has ended no longer fires. Without
 * {@code for}, the rule fires when the value over the whole span breaches.
 */
final class RuleJudge {
    private RuleJudge() {}

    static RuleFinding judge(Threshold t, Level level, Condition c, long minSamples, Duration step,
            MetricSource source, Optional<MetricSource> baseline) {
        RuleFinding.Kind kind = level == Level.ROLLBACK ? RuleFinding.Kind.ROLLBACK : RuleFinding.Kind.ESCALATE;
        String condition = Quantities.condition(t.metric(), c);
        Evidence evidence = Evidence.of(t, baseline, minSamples);
        String noun = Evidence.noun(t.metric(), t.scope());
        String rule = t.metric().key() + " " + condition
                + (evidence instanceof Evidence.Baseline b ? " (baseline " + Quantities.value(t.metric(), b.measurement().value()) + ")" : "");
        switch (evidence) {
            case Evidence.NoBaseline n -> {
                return notFired(t, kind, condition, rule + " not judged: it compares with a baseline run and none was given");
            }
            case Evidence.ThinBaseline thin -> {
                return notFired(t, kind, condition, rule + " not judged: the baseline has " + Quantities.count(thin.measurement().samples())
                        + " " + noun + ", fewer than the " + Quantities.count(minSamples) + " needed");
            }
            default -> { }
        }
        double ref = evidence.reference();
        String action = switch (kind) {
            case ROLLBACK -> c.comparesWithBaseline() ? "consider rollback" : "roll back";
            case ESCALATE -> "escalate";
        };
        if (c.sustained().isEmpty()) {
            Measurement m = source.measure(t.metric(), t.scope(), source.span());
            if (!m.hasData() || m.samples() < minSamples) {
                return notFired(t, kind, condition, rule + " not judged: " + Quantities.count(m.samples()) + " " + noun
                        + ", fewer than the " + Quantities.count(minSamples) + " needed");
            }
            boolean fired = c.holds(m.value(), ref);
            String value = t.metric().key() + " " + Quantities.value(t.metric(), m.value()) + " " + Evidence.over(m, t.metric(), t.scope());
            return new RuleFinding(t.name(), kind, t.metric(), t.scope(), condition, fired,
                    fired ? Optional.of(m.window()) : Optional.empty(), m.value(),
                    fired ? rule + " breached: " + value + ": " + action : rule + " not breached: " + value);
        }
        return sustained(t, kind, c, condition, rule, action, ref, Math.max(1, (minSamples + 9) / 10), step, source);
    }

    private static RuleFinding sustained(Threshold t, RuleFinding.Kind kind, Condition c, String condition, String rule, String action,
            double ref, long minWindowSamples, Duration step, MetricSource source) {
        Duration required = c.sustained().orElseThrow();
        List<Window> windows = source.windows(step);
        Optional<Window> longest = Optional.empty();
        Optional<Window> current = Optional.empty(); // the run the latest judged window belongs to, if it breaches
        Instant runStart = null;
        double worst = Double.NaN;
        int judged = 0;
        int thin = 0;
        for (Window w : windows) {
            Measurement m = source.measure(t.metric(), t.scope(), w);
            if (!m.hasData() || m.samples() < minWindowSamples) {
                thin++;
                continue; // neither breaches nor breaks the run
            }
            judged++;
            worst = c.worse(worst, m.value());
            if (c.holds(m.value(), ref)) {
                runStart = runStart == null ? w.start() : runStart;
                Window run = new Window(runStart, w.end());
                current = Optional.of(run);
                if (longest.isEmpty() || run.length().compareTo(longest.get().length()) > 0) {
                    longest = Optional.of(run);
                }
            } else {
                runStart = null;
                current = Optional.empty();
            }
        }
        String noun = Evidence.noun(t.metric(), t.scope());
        String fewer = minWindowSamples == 1 ? "without " : "with fewer than " + Quantities.count(minWindowSamples) + " ";
        String leftOut = thin == 0 ? "" : "; " + thin + " of " + windows.size() + " windows " + fewer + noun + " left out";
        String stepText = Quantities.length(step);
        if (judged == 0) {
            return notFired(t, kind, condition, rule + " not judged: no " + stepText + " window had the "
                    + Quantities.count(minWindowSamples) + " " + noun + " needed");
        }
        String worstText = "worst " + Quantities.value(t.metric(), worst) + " in a " + stepText + " window";
        boolean longEnough = longest.isPresent() && longest.get().length().compareTo(required) >= 0;
        boolean holdsNow = current.isPresent() && current.get().length().compareTo(required) >= 0;
        // live: only a breach that still holds fires, and it is the one reported
        boolean fired = source.live() ? holdsNow : longEnough;
        Optional<Window> reported = source.live() && holdsNow ? current : longest;
        String explanation;
        if (reported.isEmpty()) {
            explanation = rule + " never held in " + judged + " windows of " + stepText + " (" + worstText + ")" + leftOut;
        } else {
            Window run = reported.get();
            String held = Quantities.length(run.length()) + ", " + Quantities.window(run) + " (" + worstText + ")";
            if (fired) {
                explanation = rule + " held " + held + ": " + action + leftOut;
            } else if (longEnough) {
                // only live sources get here, whose windows end now
                Instant now = windows.getLast().end();
                String again = current.map(r -> "; breaching again for " + Quantities.length(r.length()) + ", short of "
                        + Quantities.length(required)).orElse("");
                explanation = rule + " held " + held + ", which ended " + Quantities.length(Duration.between(run.end(), now))
                        + " ago: no longer fires" + again + leftOut;
            } else {
                explanation = rule + " held at most " + held + ", short of " + Quantities.length(required) + leftOut;
            }
        }
        return new RuleFinding(t.name(), kind, t.metric(), t.scope(), condition, fired, reported, worst, explanation);
    }

    private static RuleFinding notFired(Threshold t, RuleFinding.Kind kind, String condition, String explanation) {
        return new RuleFinding(t.name(), kind, t.metric(), t.scope(), condition, false, Optional.empty(), Double.NaN, explanation);
    }
}
