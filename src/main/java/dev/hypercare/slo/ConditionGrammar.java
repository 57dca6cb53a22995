package dev.hypercare.slo;

import dev.hypercare.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a threshold's levels, parsed once when the policy loads (after k6's thresholds:
 * a documented grammar, operators scanned longest first, a plain record out, ranges checked):
 *
 * <pre>
 * level    = absolute | change | ratio
 * absolute = op value unit [ "for" duration ]          "&lt; 0.5%", "&gt; 500ms", "&gt; 5s for 5m", "&lt; 20/s", "&gt; 2500"
 * change   = sign value "%" "vs baseline" [ "for" duration ]   "-10% vs baseline"
 * ratio    = op value "x" "baseline" [ "for" duration ]        "&gt; 3x baseline"
 * op       = "&lt;=" | "&gt;=" | "&lt;" | "&gt;"              scanned longest first
 * sign     = "+" | "-"
 * value    = digits [ "." digits ]                     never negative
 * unit     = "%"        ratios: error_rate, ws_connect_error_rate, auth_failure_rate, availability; 0-100
 *          | "ms" | "s" latencies: p50, p95, p99, max
 *          | "/s"       throughput
 *          |            counts: ws_connections
 * duration = 500ms | 30s | 5m | 1h                     as everywhere in Hypercare, above 0
 * </pre>
 *
 * Spaces between the parts are optional except around {@code for} and {@code vs}. {@code for} is
 * allowed on rollback and escalate only: it means "held in every evaluation window for at least this
 * long". Baseline forms apply to throughput and latencies only, and a threshold's levels are all
 * absolute or all against the baseline. A failure is an {@link InvalidConditionException} carrying the
 * "expected ..." part of the message; the caller adds the file, line, field and what was found.
 */
final class ConditionGrammar {
    private static final String NUMBER = "\\d{1,12}(?:\\.\\d{1,9})?";
    private static final Pattern FOR = Pattern.compile("(?<head>.*?)\\s+for\\s+(?<duration>\\S.*)");
    private static final Pattern CHANGE = Pattern.compile("(?<sign>[+-])\\s*(?<value>" + NUMBER + ")\\s*%\\s+vs\\s+baseline");
    private static final Pattern RATIO = Pattern.compile("\\s*(?<value>" + NUMBER + ")\\s*x\\s+baseline");
    private static final Pattern ABSOLUTE = Pattern.compile("\\s*(?<value>-?" + NUMBER + ")\\s*(?<unit>\\S*)");

    private ConditionGrammar() {}

    static Condition parse(String text, Metric metric, Level level) {
        String written = text.strip();
        Optional<Duration> sustained = Optional.empty();
        String head = written;
        Matcher forMatch = FOR.matcher(written);
        if (forMatch.matches()) {
            if (!level.holdsOverTime()) {
                throw new InvalidConditionException("no 'for' on " + level.field() + " (only rollback and escalate hold over time)");
            }
            Duration d = DurationText.parse(forMatch.group("duration"))
                    .orElseThrow(() -> new InvalidConditionException(DurationText.EXPECTED + " after 'for'"));
            if (!d.isPositive()) {
                throw new InvalidConditionException("a duration above 0 after 'for'");
            }
            sustained = Optional.of(d);
            head = forMatch.group("head").strip();
        }
        if (head.endsWith("baseline")) {
            return baseline(head, written, metric, sustained);
        }
        Comparison op = Comparison.prefixOf(head).orElseThrow(() -> malformed(metric));
        Matcher m = ABSOLUTE.matcher(head.substring(op.symbol().length()));
        if (!m.matches()) {
            throw malformed(metric);
        }
        double value = Double.parseDouble(m.group("value"));
        if (value < 0) {
            throw new InvalidConditionException("a value >= 0");
        }
        return new Condition(op, inBaseUnit(value, m.group("value"), m.group("unit"), metric), Condition.Basis.ABSOLUTE, sustained, written);
    }

    private static Condition baseline(String head, String written, Metric metric, Optional<Duration> sustained) {
        if (metric.unit() != Metric.Unit.MILLIS && metric.unit() != Metric.Unit.PER_SECOND) {
            throw new InvalidConditionException("an absolute level for " + metric.key()
                    + " (only throughput and latencies compare with a baseline)");
        }
        Matcher change = CHANGE.matcher(head);
        if (change.matches()) {
            BigDecimal percent = new BigDecimal(change.group("value"));
            boolean down = change.group("sign").equals("-");
            if (down && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidConditionException("a change of at least -100% vs baseline");
            }
            BigDecimal fraction = percent.movePointLeft(2);
            double factor = (down ? BigDecimal.ONE.subtract(fraction) : BigDecimal.ONE.add(fraction)).doubleValue();
            // A drop breaches at or below the factor, a rise at or above it.
            return new Condition(down ? Comparison.AT_MOST : Comparison.AT_LEAST, factor,
                    Condition.Basis.BASELINE_CHANGE, sustained, written);
        }
        Comparison op = Comparison.prefixOf(head).orElseThrow(ConditionGrammar::malformedBaseline);
        Matcher ratio = RATIO.matcher(head.substring(op.symbol().length()));
        if (!ratio.matches()) {
            throw malformedBaseline();
        }
        return new Condition(op, Double.parseDouble(ratio.group("value")), Condition.Basis.BASELINE_RATIO, sustained, written);
    }

    private static double inBaseUnit(double value, String number, String unit, Metric metric) {
        return switch (metric.unit()) {
            case RATIO -> {
                if (!unit.equals("%")) {
                    throw new InvalidConditionException("a percentage like '> 1%' for " + metric.key());
                }
                if (value > 100) {
                    throw new InvalidConditionException("a percentage between 0% and 100%");
                }
                yield new BigDecimal(number).movePointLeft(2).doubleValue(); // 99.9% is 0.999 exactly, as measured ratios are
            }
            case MILLIS -> switch (unit) {
                case "ms" -> value;
                case "s" -> value * 1000;
                default -> throw new InvalidConditionException("a latency in ms or s like '> 500ms' for " + metric.key());
            };
            case PER_SECOND -> {
                if (!unit.equals("/s")) {
                    throw new InvalidConditionException("a rate per second like '< 50/s' for " + metric.key());
                }
                yield value;
            }
            case COUNT -> {
                if (!unit.isEmpty()) {
                    throw new InvalidConditionException("a plain count like '> 2500' for " + metric.key());
                }
                yield value;
            }
        };
    }

    /** A level as the metric writes it, for messages: {@code '> 1%'}, {@code '> 500ms'}, {@code '< 50/s'}, {@code '> 2500'}. */
    static String example(Metric metric) {
        return switch (metric.unit()) {
            case RATIO -> "'> 1%'";
            case MILLIS -> "'> 500ms'";
            case PER_SECOND -> "'< 50/s'";
            case COUNT -> "'> 2500'";
        };
    }

    private static InvalidConditionException malformed(Metric metric) {
        String unit = switch (metric.unit()) {
            case RATIO -> "%";
            case MILLIS -> "ms|s";
            case PER_SECOND -> "/s";
            case COUNT -> "";
        };
        return new InvalidConditionException("a level '<op> <number>" + unit + "' with <op> one of <, <=, >, >=");
    }

    private static InvalidConditionException malformedBaseline() {
        return new InvalidConditionException("a baseline level like '-10% vs baseline' or '> 3x baseline'");
    }
}
