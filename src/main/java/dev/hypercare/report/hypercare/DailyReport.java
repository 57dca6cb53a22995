package dev.hypercare.report.hypercare;

import dev.hypercare.incident.StateChange;
import dev.hypercare.slo.GateResult;
import java.time.Instant;
import java.util.List;

/**
 * The daily hypercare status of one UTC day, computed once and rendered by each writer: the status
 * colour the policy gives the day, the headline figures beside the day before's, incidents by severity,
 * the top failure reasons, the state timeline, per-probe and per-hour figures. Values in base units:
 * ratios as fractions, latencies in milliseconds, NaN when there is no value.
 *
 * @param journal  the journal directory as given
 * @param status   the policy's judgement of the day (GREEN GO, AMBER GO-WITH-RISKS, RED NO-GO or ROLLBACK,
 *                 GREY INCONCLUSIVE)
 * @param today    the day's figures; {@code before} the day before's, judged by the same policy
 * @param notes    caveats: a day still running, damage met in the journal, what the policy could not judge
 */
public record DailyReport(
        String journal,
        String policy,
        DayFigures today,
        DayFigures before,
        GateResult status,
        List<ProbeRow> probes,
        List<SeverityCount> severities,
        List<IncidentRow> incidents,
        List<FailureRow> topFailures,
        List<StatePeriod> timeline,
        List<StateChange> changes,
        List<HourRow> hours,
        ChartLimits limits,
        List<String> notes) {

    /** Version of the daily JSON schema; bump it on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    public DailyReport {
        probes = List.copyOf(probes);
        severities = List.copyOf(severities);
        incidents = List.copyOf(incidents);
        topFailures = List.copyOf(topFailures);
        timeline = List.copyOf(timeline);
        changes = List.copyOf(changes);
        hours = List.copyOf(hours);
        notes = List.copyOf(notes);
    }

    /** One probe over the day: its checks, failures, availability and p95 (ms). */
    public record ProbeRow(String name, List<String> locations, long checks, long failures, double availability, double p95Millis) {
        public ProbeRow {
            locations = List.copyOf(locations);
        }
    }

    /** One UTC hour across every probe; NaN values when the hour has no checks. */
    public record HourRow(Instant start, long checks, long failures, double availability, double p95Millis) {}

    /** The policy's p95 levels for probes, for the chart's threshold lines; NaN when it sets none. */
    public record ChartLimits(double p95WarnMillis, double p95CriticalMillis) {}
}
