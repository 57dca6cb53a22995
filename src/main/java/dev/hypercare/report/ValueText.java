package dev.hypercare.report;

import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Values as the reports print them, the same in every format meant for people: ratios as
 * {@code 2.4 %}, latencies as {@code 712 ms} or {@code 5.2 s}, throughput as {@code 1,234 req/s},
 * counts with thousands separators, times in UTC. NaN prints as an em dash: there is no value.
 */
public final class ValueText {
    public static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ValueText() {}

    public static String of(double value, Metric.Unit unit) {
        return switch (unit) {
            case RATIO -> percent(value);
            case MILLIS -> millis(value);
            case PER_SECOND -> perSecond(value);
            case COUNT -> count(value);
        };
    }

    /**
     * A fraction as a percentage with one decimal; a small one keeps two significant digits so that
     * 0.04 % does not print as 0.0 %, and one just under 100 % never rounds up to 100.0 %.
     */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return NONE;
        }
        // BigDecimal.valueOf keeps the shortest decimal form: 0.9995 stays 99.95 %, not 99.94999...
        BigDecimal pct = BigDecimal.valueOf(fraction).movePointRight(2);
        if (pct.signum() > 0 && pct.compareTo(TENTH) < 0) {
            return plain(pct.round(new MathContext(2, RoundingMode.HALF_UP))) + " %";
        }
        BigDecimal rest = HUNDRED.subtract(pct);
        if (rest.signum() > 0 && rest.compareTo(TENTH) < 0) {
            int decimals = Math.max(1, (int) Math.ceil(-Math.log10(rest.doubleValue())));
            return pct.setScale(decimals, RoundingMode.DOWN).toPlainString() + " %";
        }
        return String.format(Locale.ROOT, "%,.1f %%", pct.doubleValue());
    }

    /** Below a second in whole milliseconds (one decimal under 10 ms if not whole), above in seconds. */
    public static String millis(double millis) {
        if (!Double.isFinite(millis)) {
            return NONE;
        }
        if (Math.abs(millis) >= 1_000) {
            return String.format(Locale.ROOT, "%,.1f s", millis / 1_000);
        }
        if (Math.abs(millis) < 10 && millis != Math.rint(millis)) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%d ms", Math.round(millis));
    }

    public static String perSecond(double rate) {
        if (!Double.isFinite(rate)) {
            return NONE;
        }
        return Math.abs(rate) >= 100 || rate == Math.rint(rate)
                ? String.format(Locale.ROOT, "%,d req/s", Math.round(rate))
                : String.format(Locale.ROOT, "%,.1f req/s", rate);
    }

    public static String count(double count) {
        return Double.isFinite(count) ? count(Math.round(count)) : NONE;
    }

    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code 2025-06-01 12:00:00 UTC}. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant) + " UTC";
    }

    /** {@code 12:00:05}, in UTC. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** {@code 12:04:10 UTC}, or with the date when {@code instant} is not on {@code reference}'s day (UTC). */
    public static String moment(Instant instant, Instant reference) {
        boolean sameDay = instant.atZone(ZoneOffset.UTC).toLocalDate().equals(reference.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? time(instant) + " UTC" : dateTime(instant);
    }

    /** {@code 12:00:00–12:10:00 UTC (10m)}; the date too when the window does not lie within one day. */
    public static String window(Window window) {
        boolean oneDay = window.start().atZone(ZoneOffset.UTC).toLocalDate()
                .equals(window.end().atZone(ZoneOffset.UTC).toLocalDate());
        String range = oneDay
                ? time(window.start()) + "–" + time(window.end())
                : DATE_TIME.format(window.start()) + " – " + DATE_TIME.format(window.end());
        return range + " UTC (" + duration(window.length()) + ")";
    }

    /** {@code 1h 5m}, {@code 5m 30s}, {@code 45s}, {@code 0s}: whole seconds, largest units first. */
    public static String duration(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1_000.0);
        if (seconds == 0) {
            return duration.isZero() ? "0s" : duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long h = seconds / 3_600, m = seconds % 3_600 / 60, s = seconds % 60;
        if (h > 0) text.append(h).append("h ");
        if (m > 0) text.append(m).append("m ");
        if (s > 0) text.append(s).append("s ");
        return text.toString().strip();
    }

    /** The unit's name in verdict.json. */
    public static String unitKey(Metric.Unit unit) {
        return switch (unit) {
            case RATIO -> "ratio";
            case MILLIS -> "ms";
            case PER_SECOND -> "per_second";
            case COUNT -> "count";
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
