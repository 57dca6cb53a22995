package dev.hypercare.slo;

import java.util.Optional;

/** One threshold's target, warn and critical levels over the whole span: a {@link Finding}. */
final class FindingJudge {
    private FindingJudge() {}

    static Finding judge(Threshold t, long minSamples, MetricSource source, Optional<MetricSource> baseline) {
        Window span = source.span();
        Measurement m = source.measure(t.metric(), t.scope(), span);
        Evidence evidence = Evidence.of(t, baseline, minSamples);
        String limits = limits(t);
        String noun = Evidence.noun(t.metric(), t.scope());
        if (evidence instanceof Evidence.NoBaseline) {
            return finding(t, span, Double.NaN, m.samples(), minSamples, Outcome.SKIPPED, limits,
                    t.name() + " not judged: it compares with a baseline run and none was given");
        }
        if (!m.hasData() || m.samples() < minSamples) {
            return finding(t, span, Double.NaN, m.samples(), minSamples, Outcome.NO_DATA, limits,
                    t.metric().key() + ": no verdict from " + Quantities.count(m.samples()) + " " + noun + ", fewer than the "
                            + Quantities.count(minSamples) + " needed, " + Quantities.window(span));
        }
        if (evidence instanceof Evidence.ThinBaseline thin) {
            return finding(t, span, Double.NaN, m.samples(), minSamples, Outcome.NO_DATA, limits,
                    t.metric().key() + ": no verdict, the baseline has " + Quantities.count(thin.measurement().samples()) + " "
                            + noun + ", fewer than the " + Quantities.count(minSamples) + " needed");
        }
        double ref = evidence.reference();
        String subject = subject(t.metric(), m.value(), evidence);
        String over = " " + Evidence.over(m, t.metric(), t.scope());
        for (Level level : new Level[] {Level.CRITICAL, Level.WARN}) {
            Optional<Condition> c = t.level(level);
            if (c.isPresent() && c.get().holds(m.value(), ref)) {
                Outcome outcome = level == Level.CRITICAL ? Outcome.FAIL : Outcome.WARN;
                return finding(t, span, m.value(), m.samples(), minSamples, outcome, limits,
                        subject + " " + breach(t.metric(), level, c.get()) + over);
            }
        }
        return finding(t, span, m.value(), m.samples(), minSamples, Outcome.PASS, limits, subject + pass(t, m.value(), ref) + over);
    }

    /** A threshold on a scope {@code source} does not measure: SKIPPED, saying which source and scope. */
    static Finding uncovered(Threshold t, long minSamples, MetricSource source) {
        String limits = t.judged() ? limits(t) : rules(t);
        return finding(t, source.span(), Double.NaN, 0, minSamples, Outcome.SKIPPED, limits,
                t.name() + " not judged: " + source.description() + " does not measure " + t.scope().label());
    }

    /** {@code rollback > 3x baseline}: the rules of a threshold that has no target, warn or critical level. */
    private static String rules(Threshold t) {
        StringBuilder s = new StringBuilder();
        for (Level level : new Level[] {Level.ROLLBACK, Level.ESCALATE}) {
            t.level(level).ifPresent(c -> s.append(s.isEmpty() ? "" : ", ").append(level.field()).append(' ')
                    .append(Quantities.condition(t.metric(), c)));
        }
        return s.toString();
    }

    /** {@code target < 0.5 %, warn > 1 %, critical > 5 %}; rollback and escalate are shown by their rules. */
    static String limits(Threshold t) {
        StringBuilder s = new StringBuilder();
        for (Level level : new Level[] {Level.TARGET, Level.WARN, Level.CRITICAL}) {
            t.level(level).ifPresent(c -> s.append(s.isEmpty() ? "" : ", ").append(level.field()).append(' ')
                    .append(Quantities.condition(t.metric(), c)));
        }
        return s.toString();
    }

    /** {@code p95 712 ms}, or {@code throughput 65/s, -35 % vs baseline 100/s}. */
    static String subject(Metric metric, double value, Evidence evidence) {
        String s = metric.key() + " " + Quantities.value(metric, value);
        if (evidence instanceof Evidence.Baseline b) {
            double ref = b.measurement().value();
            String relative = metric == Metric.THROUGHPUT
                    ? signedPercent(value / ref - 1) + " vs baseline "
                    : ratio(value / ref) + "x baseline ";
            s += ", " + relative + Quantities.value(metric, ref) + ",";
        }
        return s;
    }

    /** {@code > critical 500 ms}, or {@code beyond warn -10 % vs baseline}. */
    private static String breach(Metric metric, Level level, Condition c) {
        return c.comparesWithBaseline()
                ? "beyond " + level.field() + " " + Quantities.condition(metric, c)
                : c.comparison().symbol() + " " + level.field() + " " + Quantities.value(metric, c.value());
    }

    private static String pass(Threshold t, double value, double ref) {
        Optional<Condition> target = t.level(Level.TARGET);
        Optional<Level> next = t.level(Level.WARN).isPresent() ? Optional.of(Level.WARN)
                : t.level(Level.CRITICAL).isPresent() ? Optional.of(Level.CRITICAL) : Optional.empty();
        String within = next.map(l -> "within " + l.field() + " " + Quantities.condition(t.metric(), t.level(l).orElseThrow()))
                .orElse("");
        if (target.isPresent() && target.get().holds(value, ref)) {
            return " meets target " + Quantities.condition(t.metric(), target.get());
        }
        if (target.isPresent()) {
            String side = target.get().comparison().upward() ? "below" : "above";
            return " is " + side + " target " + Quantities.condition(t.metric(), target.get()) + (within.isEmpty() ? "" : ", " + within);
        }
        return " is " + within;
    }

    private static String signedPercent(double change) {
        long tenths = Math.round(change * 1000);
        String text = Math.abs(tenths) % 10 == 0 ? Long.toString(Math.abs(tenths) / 10) : Double.toString(Math.abs(tenths) / 10.0);
        return (tenths < 0 ? "-" : "+") + text + " %";
    }

    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(java.util.Locale.ROOT, "%.1f", r) : "∞";
    }

    private static Finding finding(Threshold t, Window span, double measured, long samples, long minSamples, Outcome outcome,
            String limits, String explanation) {
        return new Finding(t.name(), t.metric(), t.scope(), span, measured, samples, minSamples, outcome, limits, t.key(), explanation);
    }
}
