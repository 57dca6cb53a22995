package dev.hypercare.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Journal#open} found and did: damage per segment, segments deleted by retention, how many good
 * entries there are and the last sequence (0 for an empty journal).
 */
public record RecoveryReport(List<JournalProblem> problems, List<Path> expired, long entries, long lastSequence) {
    public RecoveryReport {
        problems = List.copyOf(problems);
        expired = List.copyOf(expired);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
