package dev.hypercare.load.probes;

import static dev.hypercare.load.probes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.Severity;
import dev.hypercare.incident.TimelineEntry;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalOptions;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ResultCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's probes journal as the gate reads it: results in order, incidents as they last stood, damage noted. */
class ProbeRecordTest {

    @Test
    void resultsInStartOrderAndEachIncidentAsItLastStood(@TempDir Path run) {
        Incident opened = incident(Optional.empty());
        Incident resolved = incident(Optional.of(T0.plusSeconds(9)));
        try (Journal journal = open(run)) {
            // out of order, as probes that overlap finish: the record sorts by start
            append(journal, Samples.ok("live", T0.plusSeconds(2), Duration.ofMillis(7)));
            append(journal, Samples.refused("live", T0.plusSeconds(1)));
            journal.append(IncidentCodec.INCIDENT, T0.plusSeconds(4), IncidentCodec.encode(opened));
            append(journal, Samples.status("ready", T0.plusSeconds(3), 503));
            journal.append(IncidentCodec.INCIDENT, T0.plusSeconds(9), IncidentCodec.encode(resolved));
            journal.append(IncidentCodec.STATE, T0.plusSeconds(9), new byte[] {'{', '}'}); // not the gate's business
        }

        ProbeRecord record = ProbeRecord.read(run, "run-1").orElseThrow();

        assertThat(record.runId()).isEqualTo("run-1");
        assertThat(record.samples()).extracting(ProbeSample::start)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(record.samples()).extracting(ProbeSample::failure)
                .containsExactly("refused: connection refused", "", "status: HTTP 503");
        assertThat(record.incidents()).containsExactly(resolved);
        assertThat(record.notes()).isEmpty();
    }

    @Test
    void entriesThatCannotBeReadAreCountedAndATornTailNoted(@TempDir Path run) throws IOException {
        try (Journal journal = open(run)) {
            append(journal, Samples.ok("live", T0, Duration.ofMillis(7)));
            journal.append(ResultCodec.KIND, T0.plusSeconds(1), new byte[] {99, 1, 2});
            journal.append(IncidentCodec.INCIDENT, T0.plusSeconds(2), "{\"v\":7}".getBytes());
        }
        Path segment;
        try (var files = Files.list(run.resolve("probes"))) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND); // a record cut short

        ProbeRecord record = ProbeRecord.read(run, "run-1").orElseThrow();

        assertThat(record.samples()).hasSize(1);
        assertThat(record.incidents()).isEmpty();
        assertThat(record.notes()).containsExactly(
                "run run-1: probes journal: 2 entries could not be read and were left out",
                "run run-1: probes journal: the last 5 bytes are not a whole record (the probes were stopped mid-write) and were left out");
    }

    @Test
    void aRunWithoutProbesHasNoRecord(@TempDir Path run) {
        assertThat(ProbeRecord.read(run, "run-1")).isEmpty();
    }

    private static Journal open(Path run) {
        return Journal.open(run.resolve("probes"), JournalOptions.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static void append(Journal journal, ProbeResult result) {
        journal.append(ResultCodec.KIND, result.start(), ResultCodec.encode(result));
    }

    private static Incident incident(Optional<java.time.Instant> resolved) {
        List<TimelineEntry> timeline = resolved.isEmpty()
                ? List.of(new TimelineEntry(T0.plusSeconds(4), "opened", "3 failures in a row"))
                : List.of(new TimelineEntry(T0.plusSeconds(4), "opened", "3 failures in a row"),
                        new TimelineEntry(resolved.get(), "resolved", "2 successes in a row"));
        return new Incident("INC-20261122-001", "probe:live", "live failing: refused", Severity.P1, 0, T0.plusSeconds(1), resolved, timeline);
    }
}
