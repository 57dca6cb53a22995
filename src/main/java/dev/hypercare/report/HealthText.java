package dev.hypercare.report;

import java.time.Instant;
import java.util.stream.Collectors;

/** The words of the health-probe section, the same in every report meant for people. */
final class HealthText {
    static final String NONE_RAN = "No health probes ran beside this load test (--no-probes, or a run from before they did):"
            + " the probe thresholds were not judged.";

    private HealthText() {}

    /** {@code 4 probes of profiles/probes.yaml, every 1s, ...; judged over 12:00:05–12:00:15 UTC (10s), like the load.} */
    static String intro(HealthProbes h) {
        return capitalised(h.source()) + "; judged over " + ValueText.window(h.window()) + ", the span of the load's thresholds.";
    }

    /** {@code refused: connection refused (12), status: HTTP 503 (3)}, or a dash when nothing failed. */
    static String reasons(HealthProbes.ProbeRow row) {
        if (row.topReasons().isEmpty()) {
            return ValueText.NONE;
        }
        return row.topReasons().stream()
                .map(r -> r.reason() + " (" + ValueText.count(r.count()) + ")")
                .collect(Collectors.joining(", "));
    }

    static String resolved(HealthProbes.IncidentRow incident, Instant reference) {
        return incident.resolved().map(r -> ValueText.moment(r, reference)).orElse("still open when the probes stopped");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
