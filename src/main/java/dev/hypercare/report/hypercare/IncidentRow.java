package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An incident as a report lists it, as it stood at the end of the report's window: {@code duration}
 * runs from opening to resolution, or to the window's end while still open ({@code open} true).
 */
public record IncidentRow(
        String id,
        String title,
        Severity severity,
        int escalation,
        Instant opened,
        Optional<Instant> resolved,
        Duration duration,
        boolean open) {}
