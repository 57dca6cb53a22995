package dev.hypercare.report;

import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The "Health probes during the run" section of a load test's report: the synthetic probes that ran
 * beside the load against the same target, each over the judged {@code window} (the same span as the
 * load's findings), and the incidents they opened while the load ran. Values in base units: ratios as
 * fractions, latencies in milliseconds, NaN when there is no result.
 *
 * @param source    where the probes came from and how often they ran, for people
 * @param probes    one row per probe, in the config's order
 * @param all       every probe together (the {@code probes} scope of the policy)
 * @param incidents the incidents opened during the run, oldest first, as they stood when the probes stopped
 * @param notes     caveats, such as journal damage
 */
public record HealthProbes(String source, Window window, List<ProbeRow> probes, ProbeRow all, List<IncidentRow> incidents,
                           List<String> notes) {

    public HealthProbes {
        probes = List.copyOf(probes);
        incidents = List.copyOf(incidents);
        notes = List.copyOf(notes);
    }

    /** One probe over the window: results, failures, availability, p95 and maximum duration, and the commonest failure reasons. */
    public record ProbeRow(String name, long samples, long failures, double availability, double p95Millis, double maxMillis,
                           List<ReasonRow> topReasons) {
        public ProbeRow {
            topReasons = List.copyOf(topReasons);
        }
    }

    /** A failure reason and how many results failed for it. */
    public record ReasonRow(String reason, long count) {}

    /**
     * An incident of the probes: {@code resolved} empty while it was still open when the probes stopped.
     * {@code runId} names the run whose probes opened it (shards each run their own).
     */
    public record IncidentRow(String runId, String id, String severity, String title, Instant opened, Optional<Instant> resolved) {
        public boolean stillOpen() {
            return resolved.isEmpty();
        }
    }

    /** Whether incidents of several runs are listed, so rows must name their run. */
    public boolean severalRuns() {
        return incidents.stream().map(IncidentRow::runId).distinct().count() > 1;
    }
}
