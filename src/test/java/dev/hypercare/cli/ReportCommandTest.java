package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.report.hypercare.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hypercare report daily|weekly|exit} end to end: journals with known content, exit codes, files and one-line errors. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("journal");
    }

    private String[] report(String kind, String date, String... more) throws IOException {
        Path policy = Files.exists(dir.resolve("slo.yaml")) ? dir.resolve("slo.yaml") : Scenarios.policyFile(dir);
        String[] base = {"report", kind, "--journal", journal().toString(), "--policy", policy.toString(), "--out",
            dir.resolve("out").toString(), "--date", date};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private JsonNode json(String name) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out").resolve(name + ".json").toFile());
    }

    @Test
    void theOutageDayIsRedAndExitsOne() throws IOException {
        Scenarios.outageDay(journal());
        assertThat(CliRun.expectingFailure(ExitCode.NO_GO, report("daily", "2026-10-14"))).isEmpty();
        for (String ext : new String[] {"md", "html", "json"}) {
            assertThat(dir.resolve("out/daily-2026-10-14." + ext)).isNotEmptyFile();
        }
        assertThat(json("daily-2026-10-14").at("/status/colour").asText()).isEqualTo("RED");
        assertThat(CliRun.expectingFailure(ExitCode.GO, report("daily", "2026-10-13"))).isEmpty();
        assertThat(json("daily-2026-10-13").at("/status/colour").asText()).isEqualTo("GREEN");
    }

    @Test
    void aWeekWithOneBadDayIsAmberDegradingAndNotReadyToExit() throws IOException {
        Scenarios.weekWithBadDay(journal(), LocalDate.parse("2026-10-01"), 6, 7);
        assertThat(CliRun.expectingFailure(ExitCode.GO, report("weekly", "2026-10-07"))).isEmpty();
        JsonNode weekly = json("weekly-2026-10-01_2026-10-07");
        assertThat(weekly.at("/status/colour").asText()).isEqualTo("AMBER");
        assertThat(weekly.at("/availabilityTrend/direction").asText()).isEqualTo("DEGRADING");

        assertThat(CliRun.expectingFailure(ExitCode.NO_GO, report("exit", "2026-10-07"))).isEmpty();
        assertThat(Files.readString(dir.resolve("out/exit-2026-10-07.md"))).contains("**NOT READY FOR BAU**").doesNotContain("**READY FOR BAU**");
    }

    @Test
    void cleanFortnightIsReadyForBauAndACleanWeekCannotDecide() throws IOException {
        Scenarios.clean(journal(), LocalDate.parse("2026-09-24"), 14);
        assertThat(CliRun.expectingFailure(ExitCode.GO, report("exit", "2026-10-07"))).isEmpty();
        assertThat(json("exit-2026-10-07").get("decision").asText()).isEqualTo("READY FOR BAU");
        assertThat(Files.readString(dir.resolve("out/exit-2026-10-07.md"))).contains("**READY FOR BAU** All 5 exit criteria pass.");

        assertThat(CliRun.expectingFailure(ExitCode.INCONCLUSIVE, report("exit", "2026-10-14"))).isEmpty();
        assertThat(json("exit-2026-10-14").get("decisionKey").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void anEmptyJournalHasNoDataAndAMissingOneIsOneLine() throws IOException {
        Files.createDirectories(journal());
        assertThat(CliRun.expectingFailure(ExitCode.INCONCLUSIVE, report("daily", "2026-10-14"))).isEmpty();
        assertThat(Files.readString(dir.resolve("out/daily-2026-10-14.md"))).contains("— GREY")
                .contains("INCONCLUSIVE: no probe results in 2026-10-14 00:00 – 2026-10-15 00:00 UTC (1d).");
        assertThat(CliRun.expectingFailure(ExitCode.INCONCLUSIVE, report("weekly", "2026-10-14"))).isEmpty();
        assertThat(CliRun.expectingFailure(ExitCode.INCONCLUSIVE, report("exit", "2026-10-14"))).isEmpty();

        Path missing = dir.resolve("nowhere");
        for (String kind : new String[] {"daily", "weekly", "exit"}) {
            String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "report", kind, "--journal", missing.toString(), "--policy",
                    Scenarios.policyFile(dir).toString(), "--out", dir.resolve("out").toString());
            assertThat(err).isEqualTo("hypercare: journal " + missing + ": expected a journal directory, found nothing there" + System.lineSeparator());
        }
    }

    @Test
    void badDatesAndPoliciesAreOneLineAndExitTwo() throws IOException {
        Files.createDirectories(journal());
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, report("daily", "2026-13-01")))
                .contains("expected a UTC date like 2026-12-01, found '2026-13-01'");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, report("weekly", "yesterday")))
                .contains("expected a UTC date like 2026-12-01, found 'yesterday'");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, report("exit", "2999-01-01")))
                .startsWith("hypercare: --date: expected a UTC day no later than today (").endsWith("), found 2999-01-01" + System.lineSeparator());

        Path noPolicy = dir.resolve("none.yaml");
        String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "report", "daily", "--journal", journal().toString(), "--policy",
                noPolicy.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-10-14");
        assertThat(err.lines()).singleElement().satisfies(line -> assertThat(line).startsWith("hypercare: ").contains(noPolicy.toString()));

        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "report")).contains("a report is required (daily, weekly, exit)");
    }

    @Test
    void defaultsComeFromTheHypercareHome() throws IOException {
        Path home = dir.resolve("home");
        Scenarios.outageDay(home.resolve("reports/journal"));
        Files.createDirectories(home.resolve("profiles"));
        Scenarios.policyFile(home.resolve("profiles"));
        String before = System.getProperty("hypercare.home");
        System.setProperty("hypercare.home", home.toString());
        try {
            assertThat(CliRun.expectingFailure(ExitCode.NO_GO, "report", "daily", "--date", "2026-10-14")).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("hypercare.home");
            } else {
                System.setProperty("hypercare.home", before);
            }
        }
        assertThat(home.resolve("reports/hypercare/daily-2026-10-14.html")).isNotEmptyFile();
    }
}
