package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Severity;
import java.time.Duration;

/** How many incidents of one severity, their summed and their longest duration. */
public record SeverityCount(Severity severity, int count, Duration total, Duration longest) {}
