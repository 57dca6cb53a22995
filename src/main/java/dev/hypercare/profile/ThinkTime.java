package dev.hypercare.profile;

import java.time.Duration;

/** A user's pause between two requests, drawn uniformly between min and max. */
public record ThinkTime(Duration min, Duration max) {
    public static final ThinkTime DEFAULT = new ThinkTime(Duration.ofMillis(500), Duration.ofSeconds(2));

    public ThinkTime {
        min = min == null ? Duration.ZERO : min;
        max = max == null ? min : max;
    }
}
