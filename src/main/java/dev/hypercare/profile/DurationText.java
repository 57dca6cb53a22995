package dev.hypercare.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in profiles and flags: {@code 500ms}, {@code 30s}, {@code 1.5m}, {@code 2h}. */
public final class DurationText {
    public static final String EXPECTED = "a duration like 500ms, 30s, 5m or 1h";
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private DurationText() {}

    /** The duration, or empty when the text is not of the documented form (negative values never are). */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
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
        return Optional.of(Duration.ofMillis(Math.round(amount * unitMillis)));
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
