package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.Scenarios.OUTAGE_DAY;
import static dev.hypercare.report.hypercare.Scenarios.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeeklyReportsTest {
    private static final LocalDate WEEK = LocalDate.parse("2026-10-01");
    private static final LocalDate LAST = WEEK.plusDays(6);
    private static final Instant LATER = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private WeeklyReport weekly(LocalDate last) {
        return WeeklyReports.build(dir, Scenarios::policy, "slo.yaml", last, LATER);
    }

    @Test
    void aCleanWeekIsGreenEveryDayWithStableTrends() {
        Oracle oracle = new Oracle(Scenarios.clean(dir, WEEK, 7));
        WeeklyReport r = weekly(LAST);

        assertThat(r.first()).isEqualTo(WEEK);
        assertThat(r.days()).hasSize(7).allSatisfy(d -> {
            assertThat(d.checks()).isEqualTo(17_280);
            assertThat(d.failures()).isZero();
            assertThat(d.verdict().orElseThrow().verdict()).isEqualTo(Verdict.GO);
        });
        assertThat(r.status().verdict()).isEqualTo(Verdict.GO);
        assertThat(r.week().checks()).isEqualTo(120_960).isEqualTo(oracle.checks(start(WEEK), start(LAST.plusDays(1))));
        assertThat(r.week().availability()).isEqualTo(1.0);
        assertThat(r.week().p95Millis()).isEqualTo(oracle.p95(start(WEEK), start(LAST.plusDays(1))));
        assertThat(r.availability().direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(r.latency().direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(r.incidents()).isEmpty();
        assertThat(r.meanTimeToResolve()).isEmpty();
        assertThat(r.topFailures()).isEmpty();
    }

    @Test
    void aDayAt1Point5PercentErrorsIsRedAndTheWeekDegrades() {
        Oracle oracle = new Oracle(Scenarios.weekWithBadDay(dir, WEEK, 6, 0));
        WeeklyReport r = weekly(LAST);

        DayFigures bad = r.days().get(5);
        assertThat(bad.day()).isEqualTo(WEEK.plusDays(5));
        assertThat(bad.failures()).isEqualTo(264).isEqualTo(oracle.failures(start(bad.day()), start(bad.day().plusDays(1))));
        assertThat(bad.errorRate()).isEqualTo(264 / 17_280.0); // 1.53 %: 3 of every 200 checks
        // web availability 98.47 % is below the critical 99.5 %; api's error rate 1.53 % is only above warn 1 %
        assertThat(bad.verdict().orElseThrow().verdict()).isEqualTo(Verdict.NO_GO);
        assertThat(finding(bad, "web availability").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(finding(bad, "api error rate").outcome()).isEqualTo(Outcome.WARN);
        assertThat(r.days()).filteredOn(d -> d != bad).allMatch(d -> d.verdict().orElseThrow().verdict() == Verdict.GO);

        // over the week: 264 of 120,960 checks, web availability 99.78 % only warns
        assertThat(r.week().failures()).isEqualTo(264);
        assertThat(r.status().verdict()).isEqualTo(Verdict.GO_WITH_RISKS);

        assertThat(r.availability().direction()).isEqualTo(Trend.Direction.DEGRADING);
        assertThat(r.availability().early()).isEqualTo(1.0);
        assertThat(r.availability().late()).isEqualTo((3 * 17_280 - 264) / (3 * 17_280.0));
        assertThat(r.latency().direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(r.topFailures()).singleElement().isEqualTo(new FailureRow("status (HTTP 503)", 264, 1.0, List.of("api", "web")));
    }

    @Test
    void theSameBadDayEarlyInTheWeekIsAnImprovement() {
        Scenarios.weekWithBadDay(dir, WEEK, 2, 0);
        assertThat(weekly(LAST).availability().direction()).isEqualTo(Trend.Direction.IMPROVING);
    }

    @Test
    void aBadPivotDayLeavesTheTrendStable(@TempDir Path other) {
        Scenarios.weekWithBadDay(other, WEEK, 4, 0);
        WeeklyReport r = WeeklyReports.build(other, Scenarios::policy, "slo.yaml", LAST, LATER);
        assertThat(r.availability().direction()).isEqualTo(Trend.Direction.STABLE);
        assertThat(r.days().get(3).failures()).isEqualTo(264);
    }

    @Test
    void incidentsOfTheWeekAndTheMeanTimeToResolveThem() {
        Scenarios.outageDay(dir);
        WeeklyReport r = weekly(OUTAGE_DAY);
        assertThat(r.incidents()).extracting(IncidentRow::id).containsExactly("INC-1");
        assertThat(r.resolved()).isEqualTo(1);
        assertThat(r.meanTimeToResolve()).contains(Duration.ofSeconds(410));
        assertThat(r.stillOpen()).isZero();
        // five days of the week have no journal: too little for trends, and the notes say how much is covered
        assertThat(r.availability().direction()).isEqualTo(Trend.Direction.NO_DATA);
        assertThat(r.days().get(0).verdict().orElseThrow().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("The journal's results cover"));
    }

    @Test
    void aWeekNotOverIsCutAtTheReportsTime() {
        Scenarios.clean(dir, WEEK, 7);
        Instant midweek = start(WEEK.plusDays(3)).plus(Duration.ofHours(12));
        WeeklyReport r = WeeklyReports.build(dir, Scenarios::policy, "slo.yaml", LAST, midweek);
        assertThat(r.week().checks()).isEqualTo(3 * 17_280 + 17_280 / 2);
        assertThat(r.days().get(3).partial()).isTrue();
        assertThat(r.days().get(4).checks()).isZero();
        assertThat(r.availability().direction()).isEqualTo(Trend.Direction.NO_DATA);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("The week is not over"));
    }

    private static Finding finding(DayFigures d, String name) {
        return d.verdict().orElseThrow().findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
