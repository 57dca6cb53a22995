package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.Scenarios.OUTAGE_DAY;
import static dev.hypercare.report.hypercare.Scenarios.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.report.hypercare.ExitReport.Criterion;
import dev.hypercare.report.hypercare.ExitReport.Decision;
import dev.hypercare.report.hypercare.ExitReport.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitReportsTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-09-24");
    private static final LocalDate LAST = FIRST.plusDays(13);
    private static final Instant LATER = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private ExitReport exit(LocalDate last) {
        return ExitReports.build(dir, last, LATER);
    }

    private static List<Outcome> outcomes(ExitReport r) {
        return r.criteria().stream().map(Criterion::outcome).toList();
    }

    @Test
    void fourteenCleanDaysAreReadyForBau() {
        Scenarios.clean(dir, FIRST, 14);
        ExitReport r = exit(LAST);

        assertThat(r.decision()).isEqualTo(Decision.READY);
        assertThat(r.decision().exitCode()).isZero();
        assertThat(r.asOf()).isEqualTo(start(LAST.plusDays(1)));
        assertThat(outcomes(r)).containsOnly(Outcome.PASS).hasSize(5);
        assertThat(r.criteria().get(0).measured()).isEqualTo("worst 0.00 % on " + LAST.minusDays(6));
        assertThat(r.criteria().get(2).measured()).isEqualTo("100.00 %");
        assertThat(r.criteria().get(2).evidence()).startsWith("241,920 of 241,920 checks passed (0 failed), 2026-09-24 00:00 – 2026-10-08 00:00 UTC (14d)");
        assertThat(r.criteria()).extracting(Criterion::measured).endsWith("0 P0", "100.00 %", "0 P1", "0 P2");
        assertThat(r.days()).hasSize(14).allMatch(d -> d.checks() == 17_280);
        assertThat(r.period().checks()).isEqualTo(241_920);
    }

    @Test
    void aDayAt1Point5PercentErrorsFailsTheDailyCriterionAndThe14DayAvailability() {
        Scenarios.weekWithBadDay(dir, FIRST.plusDays(7), 6, 7);
        ExitReport r = exit(LAST);

        assertThat(r.decision()).isEqualTo(Decision.NOT_READY);
        assertThat(r.decision().exitCode()).isEqualTo(1);
        assertThat(outcomes(r)).containsExactly(Outcome.FAIL, Outcome.PASS, Outcome.FAIL, Outcome.PASS, Outcome.PASS);
        Criterion daily = r.criteria().get(0);
        LocalDate bad = FIRST.plusDays(12);
        assertThat(daily.measured()).isEqualTo("worst 1.53 % on " + bad);
        assertThat(daily.evidence()).startsWith("1 day at 1 % or more: " + bad + "; failed/checks per day: 10-01 0.00 % (0/17,280)")
                .contains("10-06 1.53 % (264/17,280)");
        // 264 failed of 14 x 17,280 = 241,920 checks: 99.89 %, short of 99.9 %
        assertThat(r.criteria().get(2).measured()).isEqualTo("99.89 %");
        assertThat(HypercareMarkdown.exitReason(r)).isEqualTo("2 of 5 exit criteria fail: Error rate < 1 % on each of the last 7 days"
                + " (worst 1.53 % on 2026-10-06); Availability ≥ 99.9 % over the last 14 days (99.89 %).");
    }

    @Test
    void aCleanWeekCannotDecideTheFourteenDayCriteria() {
        Scenarios.clean(dir, FIRST.plusDays(7), 7);
        ExitReport r = exit(LAST);

        assertThat(outcomes(r)).containsExactly(Outcome.PASS, Outcome.PASS, Outcome.NO_DATA, Outcome.NO_DATA, Outcome.NO_DATA);
        assertThat(r.decision()).isEqualTo(Decision.NO_DATA);
        assertThat(r.decision().exitCode()).isEqualTo(3);
        assertThat(r.criteria().get(2).evidence()).isEqualTo("the journal's results begin 2026-10-01 00:00 UTC, 7d after the span"
                + " starts (2026-09-24 00:00 – 2026-10-08 00:00 UTC (14d)); it covers 7d of it");
    }

    @Test
    void aP0EscalationInTheLastSevenDaysIsNotReady() {
        Scenarios.clean(dir, OUTAGE_DAY.minusDays(13), 12);
        Scenarios.outageDay(dir);
        ExitReport r = exit(OUTAGE_DAY);

        Criterion p0 = r.criteria().get(1);
        assertThat(p0.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(p0.measured()).isEqualTo("1 P0");
        assertThat(p0.evidence()).isEqualTo("INC-1 \"api failing: refused\" opened 2026-10-14 10:00:30 UTC, resolved after 6m 50s");
        // the outage's 84 failed checks keep the day under 1 % and the 14 days at 99.97 %
        assertThat(r.criteria().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.criteria().get(2).measured()).isEqualTo("99.97 %");
        assertThat(r.criteria().get(3).outcome()).as("escalated to P0, it is no longer a P1").isEqualTo(Outcome.PASS);
        assertThat(r.decision()).isEqualTo(Decision.NOT_READY);
        assertThat(r.period().meanTimeToResolve()).contains(Duration.ofSeconds(410));
    }

    @Test
    void theReviewOfTheCurrentDayIsAsOfNowAndNeedsResultsUpToNow() {
        Scenarios.clean(dir, FIRST, 14);
        Instant now = start(LAST).plus(Duration.ofHours(30)); // the day after the journal ends, 06:00
        ExitReport r = ExitReports.build(dir, LAST.plusDays(1), now);
        assertThat(r.asOf()).isEqualTo(now);
        assertThat(outcomes(r)).containsExactly(Outcome.NO_DATA, Outcome.NO_DATA, Outcome.NO_DATA, Outcome.NO_DATA, Outcome.NO_DATA);
        assertThat(r.criteria().get(1).evidence()).startsWith("the journal's results end 2026-10-07 23:59:50 UTC, 6h before the span ends");
    }

    @Test
    void anEmptyJournalHasNoData() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        ExitReport r = ExitReports.build(empty, LAST, LATER);
        assertThat(outcomes(r)).containsOnly(Outcome.NO_DATA);
        assertThat(r.decision()).isEqualTo(Decision.NO_DATA);
        assertThat(r.coverage()).isEmpty();
        assertThat(r.criteria().getFirst().evidence()).isEqualTo("the journal has no probe results up to 2026-10-08 00:00 UTC");
    }
}
