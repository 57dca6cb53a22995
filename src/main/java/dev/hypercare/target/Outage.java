package dev.hypercare.target;

import dev.hypercare.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** How much of the target is broken on purpose. */
public enum Outage {
    /** Everything answers normally. */
    NONE,
    /** The process is up but sick: health checks and every public endpoint answer 503. */
    UNHEALTHY,
    /** The public HTTP and WebSocket listeners are closed: connections are refused. The admin API stays up. */
    DOWN;

    /** The lower-case name used in flags and JSON: {@code none}, {@code unhealthy}, {@code down}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outage parse(String text) {
        return parse("outage", text);
    }

    /** Parses {@code text}; a bad value names {@code field} in a one-line {@link BadInputException}. */
    public static Outage parse(String field, String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(outage -> outage.text().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new BadInputException(
                        field + ": expected none, unhealthy or down, found '" + text + "'"));
    }
}
