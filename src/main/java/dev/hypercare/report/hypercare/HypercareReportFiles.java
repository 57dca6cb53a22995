package dev.hypercare.report.hypercare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes one report as {@code NAME.md}, {@code NAME.html} and {@code NAME.json}: all rendered before
 * anything is written, each file written beside its place and moved in, so a reader never sees half a
 * report (as the go/no-go reports are written).
 */
public final class HypercareReportFiles {
    /** Where the three files went. */
    public record Written(Path markdown, Path html, Path json) {
        public List<Path> all() {
            return List.of(markdown, html, json);
        }
    }

    private HypercareReportFiles() {}

    public static Written write(Path dir, String name, String markdown, String html, String json) throws IOException {
        Files.createDirectories(dir);
        return new Written(write(dir.resolve(name + ".md"), markdown), write(dir.resolve(name + ".html"), html),
                write(dir.resolve(name + ".json"), json));
    }

    private static Path write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
