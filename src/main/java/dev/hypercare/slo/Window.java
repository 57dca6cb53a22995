package dev.hypercare.slo;

import java.time.Duration;
import java.time.Instant;

/** A half-open time range [start, end) over which a metric is measured. */
public record Window(Instant start, Instant end) {
    public Window {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window ends before it starts: " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
