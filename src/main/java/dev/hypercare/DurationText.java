package dev.hypercare;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in profiles, flags and fault settings: {@code 500ms}, {@code 30s},
 * {@code 1.5m}, {@code 2h}; millisecond precision, at most a year, never negative.
 */
public final class DurationText {
    public static final String EXPECTED = "a duration like 500ms, 30s, 5m or 1h";
    private static final Pattern FORM = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(ms|s|m|h)");
    /** Far beyond any run or fault, and small enough that sums of durations never overflow. */
    private static final long MAX_MILLIS = Duration.ofDays(366).toMillis();

    private DurationText() {}

    /** The duration, or empty when the text is not of the documented form (negative values never are). */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        long unitMillis = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            default -> 3_600_000L;
        };
        double millis = amount * unitMillis;
        return millis > MAX_MILLIS ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    /** The duration in {@code text}; otherwise one line naming {@code field}, what was expected and what was found. */
    public static Duration parse(String field, String text) {
        return parse(text).orElseThrow(() ->
                new BadInputException(field + ": expected " + EXPECTED + ", found '" + text + "'"));
    }

    /** The shortest exact text: 90s stays 90s, 300s becomes 5m, 1500ms stays 1500ms. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
