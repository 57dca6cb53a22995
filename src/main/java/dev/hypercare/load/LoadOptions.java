package dev.hypercare.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the user asked of {@code hypercare load}, before anything is resolved. */
public record LoadOptions(
        String profile,
        Optional<URI> target,
        Optional<URI> webSocketUrl,
        double scale,
        Optional<Duration> hold,
        List<String> allowTargets,
        Path home,
        Path reportsRoot,
        List<String> commandLine) {

    public LoadOptions {
        allowTargets = List.copyOf(allowTargets);
        commandLine = List.copyOf(commandLine);
    }
}
