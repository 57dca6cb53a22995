package dev.hypercare.report.hypercare;

import java.util.List;

/** One reason checks failed ({@code refused}, {@code status (HTTP 503)}): how often, its share of failures, which probes. */
public record FailureRow(String reason, long count, double share, List<String> probes) {
    public FailureRow {
        probes = List.copyOf(probes);
    }
}
