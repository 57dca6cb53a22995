package dev.hypercare.metrics;

import dev.hypercare.DurationText;

import java.time.Duration;

/**
 * A rolling window as a label value and a column heading: {@code 5m}, {@code 1h}, {@code 24h}, {@code 7d}.
 * Days only beyond one day, as the runner's windows are written ({@code 24h} stays {@code 24h}).
 */
final class WindowLabel {
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private WindowLabel() {}

    static String of(Duration window) {
        long millis = window.toMillis();
        if (millis > DAY_MILLIS && millis % DAY_MILLIS == 0) {
            return millis / DAY_MILLIS + "d";
        }
        return DurationText.format(window);
    }
}
