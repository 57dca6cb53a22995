package dev.hypercare.report.hypercare;

import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Window;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One UTC day (or the part of it up to the report's time) across every probe: checks, failed checks,
 * availability and error rate (fractions; NaN without checks), p95 of check durations in ms (NaN when
 * unknown), the incidents open at some time in it, and the policy's verdict when the day was judged.
 */
public record DayFigures(
        LocalDate day,
        Window window,
        long checks,
        long failures,
        double availability,
        double errorRate,
        double p95Millis,
        int incidents,
        Optional<GateResult> verdict) {

    /** Whether the window ends before the day does (the day is still running). */
    public boolean partial() {
        return window.end().isBefore(day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
}
