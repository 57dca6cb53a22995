package dev.hypercare.report.hypercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily report opens in headless Chromium (Debian package {@code chromium}) with no console message
 * (an error, a blocked or failed load), and a screenshot is taken. Skipped where Chromium is not installed.
 */
class HtmlInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theDailyReportOpensWithoutErrorsAndIsScreenshot() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Scenarios.outageDay(dir.resolve("journal"));
        DailyReport r = DailyReports.build(dir.resolve("journal"), Scenarios::policy, "slo.yaml", Scenarios.OUTAGE_DAY,
                Instant.parse("2026-11-01T00:00:00Z"));
        Path html = Files.writeString(dir.resolve("daily.html"), HypercareHtml.daily(r));
        Path png = dir.resolve("daily.png");
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1200,3000",
                "--screenshot=" + png, html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as("chromium finished within 90 s: %s", output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.contains(":CONSOLE")).toList()).as("console messages").isEmpty();
        byte[] image = Files.readAllBytes(png);
        assertThat(image.length).isGreaterThan(20_000);
        assertThat(new String(image, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
