package dev.hypercare.report.hypercare;

import java.time.Duration;
import java.time.Instant;

/** Time arithmetic the reports share. */
final class Spans {
    /**
     * How far the journal's first or last result may lie inside a span that it still covers: a runner
     * started a little after midnight, or a report read a little after the last check.
     */
    static final Duration GRACE = Duration.ofHours(1);

    private Spans() {}

    /** {@code t} rounded up to a whole UTC minute. */
    static Instant ceilMinute(Instant t) {
        long seconds = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.ceilDiv(seconds, 60) * 60);
    }
}
