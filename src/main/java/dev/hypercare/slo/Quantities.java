package dev.hypercare.slo;

import dev.hypercare.DurationText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Values, levels and evidence as findings print them: {@code 0.5 %}, {@code 712 ms}, {@code 5 s},
 * {@code 35.2/s}, {@code 1,240}, {@code 16:02:10–16:03:40} (times in UTC, so that a result never
 * depends on the machine that computed it).
 */
final class Quantities {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Quantities() {}

    static String value(Metric metric, double v) {
        if (Double.isNaN(v)) {
            return "no value";
        }
        return switch (metric.unit()) {
            case RATIO -> decimal(v * 100, 2) + " %";
            case MILLIS -> millis(v);
            case PER_SECOND -> decimal(v, 1) + "/s";
            case COUNT -> count(Math.round(v));
        };
    }

    /** A level as limits print it: {@code > 1 %}, {@code > 5 s for 5m}, {@code -10 % vs baseline}, {@code > 3x baseline}. */
    static String condition(Metric metric, Condition c) {
        String text = switch (c.basis()) {
            case ABSOLUTE -> c.comparison().symbol() + " " + value(metric, c.value());
            case BASELINE_CHANGE -> (c.value() < 1 ? "-" : "+") + decimal(Math.abs(c.value() - 1) * 100, 2) + " % vs baseline";
            case BASELINE_RATIO -> c.comparison().symbol() + " " + decimal(c.value(), 2) + "x baseline";
        };
        return c.sustained().map(d -> text + " for " + DurationText.format(d)).orElse(text);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String window(Window w) {
        return CLOCK.format(w.start()) + "–" + CLOCK.format(w.end());
    }

    /** {@code 4m 59s}, {@code 10s}, {@code 1h 2m}: the length of a breach. */
    static String length(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return d.toMillis() % 1000 == 0 ? s + "s" : DurationText.format(d);
        }
        String text = s >= 3600 ? (s / 3600) + "h " + (s % 3600 / 60) + "m" : (s / 60) + "m";
        long seconds = s % 60;
        return s < 3600 && seconds > 0 ? text + " " + seconds + "s" : text;
    }

    private static String millis(double ms) {
        if (ms >= 1000 && ms % 1000 == 0) {
            return count(Math.round(ms / 1000)) + " s";
        }
        if (ms >= 10_000) {
            return decimal(ms / 1000, 1) + " s";
        }
        return ms >= 10 ? count(Math.round(ms)) + " ms" : decimal(ms, 1) + " ms";
    }

    private static String decimal(double v, int places) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
