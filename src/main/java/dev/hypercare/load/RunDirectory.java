package dev.hypercare.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The layout of {@code reports/<run-id>/}: one directory per load run, named by UTC time and profile. */
public record RunDirectory(String runId, Path root) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Creates a fresh directory; a second run in the same second gets a numeric suffix rather than mixing files. */
    public static RunDirectory create(Path reportsRoot, String profileName, Instant now) throws IOException {
        Files.createDirectories(reportsRoot);
        String base = STAMP.format(now) + "-" + profileName;
        for (int attempt = 1; ; attempt++) {
            String runId = attempt == 1 ? base : base + "-" + attempt;
            Path root = reportsRoot.resolve(runId);
            try {
                Files.createDirectory(root);
                return new RunDirectory(runId, root);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    public Path simulationLog() {
        return root.resolve("simulation.log");
    }

    public Path gatlingReport() {
        return root.resolve("gatling");
    }

    public Path profile() {
        return root.resolve("profile.yaml");
    }

    public Path manifest() {
        return root.resolve("run.json");
    }

    public Path gatlingOutput() {
        return root.resolve("gatling.out");
    }

    /** The journal of the health probes that ran beside the load. */
    public Path probesJournal() {
        return root.resolve(dev.hypercare.load.probes.ProbeRecord.DIRECTORY);
    }

    /** What the probe runner said: its start, service state changes and incidents. */
    public Path probesOutput() {
        return root.resolve("probes.out");
    }

    static final String GATLING_RESULTS = ".gatling-results";

    /** Where the forked Gatling writes before its results are moved into place. */
    Path gatlingResults() {
        return root.resolve(GATLING_RESULTS);
    }
}
