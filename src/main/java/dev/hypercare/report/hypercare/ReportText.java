package dev.hypercare.report.hypercare;

import dev.hypercare.report.MarkdownReport;
import dev.hypercare.report.ValueText;
import dev.hypercare.report.Xml;
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
 * Text the hypercare reports share, in every format meant for people: values as {@link ValueText} writes
 * them in the go/no-go reports, times in UTC, and the escaping of Markdown and XML (the same rules as
 * the go/no-go writers, whose helpers are package-private).
 */
final class ReportText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportText() {}

    /** {@code 2026-12-01 10:07 UTC}; seconds are shown only when not zero. */
    static String dateTime(Instant t) {
        return t.getEpochSecond() % 60 == 0 && t.getNano() == 0 ? MINUTE.format(t) + " UTC" : ValueText.dateTime(t);
    }

    /** {@code 10:07:20} (UTC), or {@code 24:00:00} for the end of the day that starts at {@code dayStart}. */
    static String endTime(Instant t, Instant dayStart) {
        return Duration.between(dayStart, t).equals(Duration.ofDays(1)) ? "24:00:00" : ValueText.time(t);
    }

    /** {@code 2026-12-01 00:00 – 2026-12-02 00:00 UTC (1d)}. */
    static String window(Window w) {
        return MINUTE.format(w.start()) + " – " + MINUTE.format(w.end()) + " UTC (" + duration(w.length()) + ")";
    }

    /** {@code 7m}, {@code 2h 5m}, {@code 3d 4h}, {@code 45s}: the two largest units. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long days = s / 86_400, h = s % 86_400 / 3_600, m = s % 3_600 / 60, sec = s % 60;
        if (days > 0) {
            return days + "d" + (h > 0 ? " " + h + "h" : "");
        }
        if (h > 0) {
            return h + "h" + (m > 0 ? " " + m + "m" : "");
        }
        if (m > 0) {
            return m + "m" + (sec > 0 ? " " + sec + "s" : "");
        }
        return sec + "s";
    }

    /**
     * A fraction as a percentage with two decimals, as availability targets like 99.9 % need: a small
     * one keeps two significant digits ({@code 0.0058 %}), and one just under 100 % never shows as
     * {@code 100.00 %} ({@code 99.9996 %}).
     */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return ValueText.NONE;
        }
        BigDecimal pct = BigDecimal.valueOf(fraction).movePointRight(2);
        if (pct.signum() > 0 && pct.compareTo(HUNDREDTH) < 0) {
            return pct.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString() + " %";
        }
        BigDecimal rest = HUNDRED.subtract(pct);
        if (rest.signum() > 0 && rest.compareTo(HUNDREDTH) < 0) {
            int decimals = Math.max(2, (int) Math.ceil(-Math.log10(rest.doubleValue())));
            return pct.setScale(decimals, RoundingMode.DOWN).toPlainString() + " %";
        }
        return pct.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** A change of a fraction in percentage points: {@code +0.12 pp}, {@code −0.49 pp}, {@code ±0 pp}. */
    static String points(double change) {
        if (!Double.isFinite(change)) {
            return ValueText.NONE;
        }
        double pp = change * 100;
        if (Math.abs(pp) < 0.005) {
            return "±0 pp";
        }
        return (pp > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.2f", Math.abs(pp)) + " pp";
    }

    static String millis(double ms) {
        return ValueText.millis(ms);
    }

    /** A change of a latency: {@code +12 ms (+8.0 %)}; a change that rounds to nothing is {@code ±0 ms (±0.0 %)}. */
    static String millisChange(double now, double before) {
        if (!Double.isFinite(now) || !Double.isFinite(before)) {
            return ValueText.NONE;
        }
        double d = now - before;
        String magnitude = ValueText.millis(Math.abs(d));
        boolean zero = magnitude.matches("0(\\.0)? ms");
        String abs = (zero ? "±" : d > 0 ? "+" : "−") + (zero ? "0 ms" : magnitude);
        return before > 0 ? abs + " (" + signed((now / before - 1) * 100) + " %)" : abs;
    }

    /** One decimal with its sign; {@code ±0.0} when it rounds to zero. */
    static String signed(double v) {
        String magnitude = String.format(Locale.ROOT, "%.1f", Math.abs(v));
        return (magnitude.equals("0.0") ? "±" : v > 0 ? "+" : "−") + magnitude;
    }

    static String count(long n) {
        return ValueText.count(n);
    }

    /** Text as literal Markdown on one line, safe in a table cell. */
    static String markdown(String text) {
        return MarkdownReport.cell(text);
    }

    /** Text content and attribute values of HTML written as XML. */
    static String xml(String text) {
        return Xml.escape(text);
    }
}
