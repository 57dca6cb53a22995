package dev.hypercare.target;

import dev.hypercare.BadInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them in flags and fault settings: {@code 700ms}, {@code 1.5s}, {@code 2m}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;

    private Durations() {}

    /** Parses {@code text}; a bad value names {@code field} in a one-line {@link BadInputException}. */
    public static Duration parse(String field, String text) {
        return tryParse(text).orElseThrow(() -> new BadInputException(
                field + ": expected a duration such as 700ms, 1.5s or 2m, found '" + text + "'"));
    }

    /** The duration in {@code text}, or empty when it is not one; callers word their own error. */
    static Optional<Duration> tryParse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unitNanos = switch (m.group(2)) {
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            default -> NANOS_PER_MINUTE;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
        // a day is far more than any fault or run length needs; the cap keeps the arithmetic exact
        if (nanos.compareTo(BigDecimal.valueOf(Duration.ofDays(1).toNanos())) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** The shortest exact text for a duration in the largest whole unit: {@code 2m}, {@code 1s}, {@code 700ms}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos != 0 && nanos % NANOS_PER_MINUTE == 0) {
            return nanos / NANOS_PER_MINUTE + "m";
        }
        if (nanos != 0 && nanos % NANOS_PER_SECOND == 0) {
            return nanos / NANOS_PER_SECOND + "s";
        }
        BigDecimal millis = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(NANOS_PER_MILLI));
        return millis.stripTrailingZeros().toPlainString() + "ms";
    }
}
