package dev.hypercare.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Moves what Gatling wrote under {@code <results>/<simulation>-<timestamp>/} into the run directory's layout. */
final class GatlingResults {
    private GatlingResults() {}

    /** The log goes to the top of the run directory, the HTML report under gatling/; true if a non-empty log is there. */
    static boolean collect(RunDirectory run) throws IOException {
        Path results = run.gatlingResults();
        if (!Files.isDirectory(results)) {
            return false;
        }
        Optional<Path> produced;
        try (Stream<Path> dirs = Files.list(results)) {
            produced = dirs.filter(Files::isDirectory).findFirst();
        }
        if (produced.isPresent()) {
            Path log = produced.get().resolve("simulation.log");
            if (Files.exists(log)) {
                Files.move(log, run.simulationLog(), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(produced.get(), run.gatlingReport());
        }
        deleteTree(results);
        return Files.exists(run.simulationLog()) && Files.size(run.simulationLog()) > 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
