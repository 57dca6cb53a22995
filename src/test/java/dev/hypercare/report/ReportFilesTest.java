package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void writesTheFourReportsAndNothingElse(@TempDir Path dir) throws Exception {
        var report = Fixtures.noGo();
        var written = ReportFiles.writeAll(report, dir.resolve("reports/run-1"));
        assertThat(written.all()).extracting(p -> p.getFileName().toString())
                .containsExactly("verdict.md", "verdict.json", "verdict.html", "junit.xml");
        assertThat(Files.readString(written.markdown())).isEqualTo(MarkdownReport.render(report));
        assertThat(Files.readString(written.json())).isEqualTo(JsonReport.render(report));
        assertThat(Files.readString(written.html())).isEqualTo(HtmlReport.render(report));
        assertThat(Files.readString(written.junit())).isEqualTo(JunitReport.render(report));
        try (Stream<Path> files = Files.list(dir.resolve("reports/run-1"))) {
            assertThat(files).hasSize(4); // no temporary file left behind
        }
    }

    @Test
    void replacesEarlierReports(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(Fixtures.noGo(), dir);
        var written = ReportFiles.writeAll(Fixtures.go(), dir);
        assertThat(Files.readString(written.markdown())).startsWith("# GO — GREEN");
    }
}
