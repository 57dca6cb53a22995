package dev.hypercare.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked of {@code hypercare load}, before anything is resolved. {@code policy} is the SLO
 * policy file (default profiles/slo.yaml); {@code probes} whether health probes run beside the load, and
 * {@code probesFile} which (default profiles/probes.yaml).
 */
public record LoadOptions(
        String profile,
        Optional<URI> target,
        Optional<URI> webSocketUrl,
        double scale,
        Optional<Duration> hold,
        List<String> allowTargets,
        Path home,
        Path reportsRoot,
        List<String> commandLine,
        Optional<Path> policy,
        boolean probes,
        Optional<Path> probesFile) {

    public LoadOptions {
        allowTargets = List.copyOf(allowTargets);
        commandLine = List.copyOf(commandLine);
    }
}
