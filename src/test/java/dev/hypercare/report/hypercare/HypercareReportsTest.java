package dev.hypercare.report.hypercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports' default days: yesterday (daily), the last 7 full days (weekly), now (exit). */
class HypercareReportsTest {
    private static final Instant NOW = Instant.parse("2026-10-15T08:30:00Z");

    @TempDir
    Path dir;

    private HypercareReports.Options options(Optional<LocalDate> date) throws Exception {
        return new HypercareReports.Options(dir.resolve("journal"), date, Scenarios.policyFile(dir), dir.resolve("out"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void withoutADateDailyIsYesterdayWeeklyTheLastSevenFullDaysAndExitNow() throws Exception {
        Scenarios.outageDay(dir.resolve("journal"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(HypercareReports.daily(options(Optional.empty()), print)).isEqualTo(1);
        assertThat(dir.resolve("out/daily-2026-10-14.md")).isNotEmptyFile();
        assertThat(HypercareReports.weekly(options(Optional.empty()), print)).isEqualTo(1); // the outage day's rollback rule
        assertThat(dir.resolve("out/weekly-2026-10-08_2026-10-14.json")).isNotEmptyFile();
        assertThat(HypercareReports.exit(options(Optional.empty()), print)).isEqualTo(3); // two days of journal: no data
        assertThat(dir.resolve("out/exit-2026-10-15.md")).content().contains("as of 2026-10-15 08:30 UTC");

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hypercare report daily 2026-10-14: RED (ROLLBACK — RED): ")
                .contains("hypercare report weekly 2026-10-08 – 2026-10-14: RED")
                .contains("hypercare report exit as of 2026-10-15 08:30 UTC: NO DATA: CANNOT DECIDE")
                .contains("  NO_DATA No P0 in the last 7 days: — (threshold 0); the journal's results begin 2026-10-13 00:00 UTC");
    }

    @Test
    void aDayAfterTodayIsBadInput() throws Exception {
        assertThatThrownBy(() -> HypercareReports.daily(options(Optional.of(LocalDate.parse("2026-10-16"))), System.out))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--date: expected a UTC day no later than today (2026-10-15), found 2026-10-16");
    }
}
