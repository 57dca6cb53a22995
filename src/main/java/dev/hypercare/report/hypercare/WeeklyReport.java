package dev.hypercare.report.hypercare;

import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The weekly hypercare summary of seven UTC days: each day with its status colour and figures, the week
 * judged as a whole by the policy, the incidents of the week and the mean time to resolve them, the top
 * failure reasons, and the availability and latency trends by {@link Trend#RULE}.
 *
 * @param resolved          incidents of the week resolved within it
 * @param meanTimeToResolve over those; empty when none was resolved
 * @param stillOpen         incidents open at the week's end
 */
public record WeeklyReport(
        String journal,
        String policy,
        LocalDate first,
        LocalDate last,
        Window window,
        GateResult status,
        Totals week,
        List<DayFigures> days,
        List<SeverityCount> severities,
        List<IncidentRow> incidents,
        int resolved,
        Optional<Duration> meanTimeToResolve,
        int stillOpen,
        List<FailureRow> topFailures,
        Trend availability,
        Trend latency,
        DailyReport.ChartLimits limits,
        List<String> notes) {

    public static final int SCHEMA_VERSION = 1;

    public WeeklyReport {
        days = List.copyOf(days);
        severities = List.copyOf(severities);
        incidents = List.copyOf(incidents);
        topFailures = List.copyOf(topFailures);
        notes = List.copyOf(notes);
    }

    /** The week's checks across every probe. */
    public record Totals(long checks, long failures, double availability, double errorRate, double p95Millis) {}
}
