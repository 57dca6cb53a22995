package dev.hypercare.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import dev.hypercare.target.TargetStats;

/**
 * {@code run.json}: what ran, against what, with which versions, when and where, so a report can be
 * traced back to the run and the run repeated. {@code embeddedTargetStats} is what the embedded target
 * counted on its side, the health probes' requests included (absent for other targets); {@code probes} the health probes that ran beside the
 * load (absent when none did). Fields are only ever added: older run.json files read as before.
 */
public record RunManifest(
        int schemaVersion,
        String runId,
        List<String> command,
        String profile,
        double scale,
        String holdOverride,
        String target,
        String webSocketUrl,
        boolean embeddedTarget,
        TargetStats embeddedTargetStats,
        Instant start,
        Instant end,
        String injectorHost,
        Versions versions,
        List<String> injectorJvm,
        int gatlingExitCode,
        boolean gatlingTimedOut,
        Files files,
        Probes probes) {

    public record Versions(String hypercare, String gatling, String java) {}

    public record Files(String simulationLog, String gatlingReport, String profile, String gatlingOutput) {}

    /**
     * The health probes that ran beside the load (absent when none did): the probes file, the journal
     * and the runner's transcript (both relative to the run directory), and each probe as it ran.
     */
    public record Probes(String config, String journal, String transcript, List<Probe> probes) {
        public Probes {
            probes = List.copyOf(probes);
        }
    }

    /** One probe as it ran: its interval during the load may be shorter than the file's (see LoadRunner). */
    public record Probe(String name, String kind, String interval, String timeout) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer writers may add fields: read what this version knows
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static RunManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunManifest.class);
    }
}
