package dev.hypercare.load.probes;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.journal.JournalEntry;
import dev.hypercare.journal.JournalProblem;
import dev.hypercare.journal.JournalReader;
import dev.hypercare.probe.ResultCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the health probes of one load run left in their journal ({@code reports/<run-id>/probes/}):
 * every result, oldest first, and every incident as it last stood (the last snapshot of an id is the
 * incident). Damage does not stop the gate: what can be read is kept and {@code notes} say what could
 * not, so a number is never silently wrong.
 */
public record ProbeRecord(String runId, List<ProbeSample> samples, List<Incident> incidents, List<String> notes) {
    /** The journal's directory inside a run directory. */
    public static final String DIRECTORY = "probes";

    public ProbeRecord {
        samples = samples.stream().sorted(Comparator.comparing(ProbeSample::start)).toList();
        incidents = List.copyOf(incidents);
        notes = List.copyOf(notes);
    }

    /** The record of the run in {@code runDirectory}; empty when its probes did not run (no journal). */
    public static Optional<ProbeRecord> read(Path runDirectory, String runId) {
        Path dir = runDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        JournalReader.Read read = JournalReader.open(dir).read(Instant.MIN, Instant.MAX,
                Set.of(ResultCodec.KIND, IncidentCodec.INCIDENT));
        List<ProbeSample> samples = new ArrayList<>();
        Map<String, Incident> incidents = new LinkedHashMap<>();
        long unreadable = 0;
        for (JournalEntry e : read.entries()) {
            try {
                if (e.kind().equals(ResultCodec.KIND)) {
                    samples.add(ProbeSample.of(ResultCodec.decode(e.payload())));
                } else {
                    Incident incident = IncidentCodec.decodeIncident(e.payload());
                    incidents.put(incident.id(), incident);
                }
            } catch (RuntimeException bad) {
                unreadable++; // a payload this version cannot read: counted, never guessed at
            }
        }
        List<String> notes = new ArrayList<>();
        String where = "run " + runId + ": probes journal";
        if (unreadable > 0) {
            notes.add(where + ": " + unreadable + " entries could not be read and were left out");
        }
        for (JournalProblem damage : read.report().damage()) {
            notes.add(where + ": " + damage.describe());
        }
        if (read.report().unreadTailBytes() > 0) {
            notes.add(where + ": the last " + read.report().unreadTailBytes()
                    + " bytes are not a whole record (the probes were stopped mid-write) and were left out");
        }
        List<Incident> byOpening = incidents.values().stream().sorted(Comparator.comparing(Incident::opened)).toList();
        return Optional.of(new ProbeRecord(runId, samples, byOpening, notes));
    }
}
