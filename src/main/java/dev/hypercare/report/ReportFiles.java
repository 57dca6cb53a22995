package dev.hypercare.report;

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
 * Writes the four reports into a directory. Everything is rendered before anything is written, and
 * each file is written to a temporary file and moved into place, so a reader (a CI step, a browser
 * refreshing) never sees a half-written report and a failed render leaves the old ones alone.
 */
public final class ReportFiles {
    public static final String MARKDOWN = "verdict.md", JSON = "verdict.json", HTML = "verdict.html", JUNIT = "junit.xml";

    /** Where the reports were written. */
    public record Written(Path markdown, Path json, Path html, Path junit) {
        public List<Path> all() {
            return List.of(markdown, json, html, junit);
        }
    }

    private ReportFiles() {}

    public static Written writeAll(GateReport report, Path dir) throws IOException {
        String markdown = MarkdownReport.render(report);
        String json = JsonReport.render(report);
        String html = HtmlReport.render(report);
        String junit = JunitReport.render(report);
        Files.createDirectories(dir);
        return new Written(
                write(dir.resolve(MARKDOWN), markdown),
                write(dir.resolve(JSON), json),
                write(dir.resolve(HTML), html),
                write(dir.resolve(JUNIT), junit));
    }

    /** Writes {@code content} to a temporary file beside {@code file} and moves it into place. */
    public static Path write(Path file, String content) throws IOException {
        // same directory as the target: a move within one file system can be atomic. Not
        // createTempFile: its owner-only permissions would carry over to the report.
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
