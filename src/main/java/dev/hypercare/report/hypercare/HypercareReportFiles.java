package dev.hypercare.report.hypercare;

import dev.hypercare.report.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        return new Written(ReportFiles.write(dir.resolve(name + ".md"), markdown), ReportFiles.write(dir.resolve(name + ".html"), html),
                ReportFiles.write(dir.resolve(name + ".json"), json));
    }
}
