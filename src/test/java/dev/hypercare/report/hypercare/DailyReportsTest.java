package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.Scenarios.OUTAGE_DAY;
import static dev.hypercare.report.hypercare.Scenarios.at;
import static dev.hypercare.report.hypercare.Scenarios.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportsTest {
    private static final Instant LATER = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSevenMinuteOutageWithAP0EscalationIsRedByTheRollbackRule() {
        Oracle oracle = new Oracle(Scenarios.outageDay(dir));
        DailyReport r = DailyReports.build(dir, Scenarios::policy, "slo.yaml", OUTAGE_DAY, LATER);

        Instant from = start(OUTAGE_DAY), to = start(OUTAGE_DAY.plusDays(1));
        assertThat(r.today().checks()).isEqualTo(17_280).isEqualTo(oracle.checks(from, to));
        assertThat(r.today().failures()).isEqualTo(84); // 42 refused checks of each probe, 10:00:00 to 10:06:50
        assertThat(r.today().availability()).isEqualTo(1 - 84 / 17_280.0).isEqualTo(oracle.availability(from, to));
        assertThat(r.today().errorRate()).isCloseTo(84 / 17_280.0, within(1e-15));
        assertThat(r.today().p95Millis()).isEqualTo(29).isEqualTo(oracle.p95(from, to));
        assertThat(r.today().partial()).isFalse();

        // api's error rate over the day passes (0.49 %), but the rollback rule saw 7 minutes at 100 %
        assertThat(r.status().verdict()).isEqualTo(Verdict.ROLLBACK);
        Finding apiErrors = finding(r, "api error rate");
        assertThat(apiErrors.outcome()).isEqualTo(Outcome.PASS);
        assertThat(apiErrors.measured()).isEqualTo(42 / 8_640.0);
        RuleFinding rollback = r.status().rules().stream().filter(f -> f.name().equals("api error rate")
                && f.kind() == RuleFinding.Kind.ROLLBACK).findFirst().orElseThrow();
        assertThat(rollback.fired()).isTrue();
        assertThat(rollback.longestBreach().orElseThrow().length()).isEqualTo(Duration.ofMinutes(7));
        assertThat(finding(r, "web availability").outcome()).isEqualTo(Outcome.WARN); // 99.51 %: below 99.9, above 99.5
        assertThat(r.status().findings()).extracting(Finding::name).doesNotContain("http error rate");

        assertThat(r.before().verdict().orElseThrow().verdict()).isEqualTo(Verdict.GO);
        assertThat(r.before().failures()).isZero();

        assertThat(r.incidents()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("INC-1");
            assertThat(i.severity()).isEqualTo(Severity.P0);
            assertThat(i.escalation()).isEqualTo(1);
            assertThat(i.duration()).isEqualTo(Duration.ofSeconds(410));
            assertThat(i.open()).isFalse();
        });
        assertThat(r.severities()).filteredOn(s -> s.severity() == Severity.P0).singleElement()
                .isEqualTo(new SeverityCount(Severity.P0, 1, Duration.ofSeconds(410), Duration.ofSeconds(410)));
        assertThat(r.severities()).filteredOn(s -> s.severity() != Severity.P0).allMatch(s -> s.count() == 0);

        assertThat(r.topFailures()).singleElement().isEqualTo(new FailureRow("refused", 84, 1.0, List.of("api", "web")));
        assertThat(r.timeline()).containsExactly(
                new StatePeriod(Optional.of(ServiceState.OK), from, at(OUTAGE_DAY, "10:00:30"), List.of()),
                new StatePeriod(Optional.of(ServiceState.CRITICAL), at(OUTAGE_DAY, "10:00:30"), at(OUTAGE_DAY, "10:07:20"),
                        List.of("incident INC-1 (P1) open")),
                new StatePeriod(Optional.of(ServiceState.OK), at(OUTAGE_DAY, "10:07:20"), to, List.of()));

        assertThat(r.hours()).hasSize(24);
        DailyReport.HourRow ten = r.hours().get(10);
        assertThat(ten.checks()).isEqualTo(720);
        assertThat(ten.failures()).isEqualTo(84);
        assertThat(r.hours().get(9).availability()).isEqualTo(1.0);
        assertThat(r.probes()).extracting(DailyReport.ProbeRow::name, DailyReport.ProbeRow::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", 42L), org.assertj.core.groups.Tuple.tuple("web", 42L));
        assertThat(r.limits()).isEqualTo(new DailyReport.ChartLimits(200, 500));
    }

    @Test
    void theDayBeforeIsJudgedAndComparedTheSameWay() {
        Oracle oracle = new Oracle(Scenarios.outageDay(dir));
        DailyReport r = DailyReports.build(dir, Scenarios::policy, "slo.yaml", OUTAGE_DAY.minusDays(1), LATER);
        Instant from = start(OUTAGE_DAY.minusDays(1));
        assertThat(r.today().checks()).isEqualTo(oracle.checks(from, start(OUTAGE_DAY)));
        assertThat(r.status().verdict()).isEqualTo(Verdict.GO);
        assertThat(r.before().checks()).as("no journal the day before").isZero();
        assertThat(r.before().verdict().orElseThrow().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.timeline()).extracting(StatePeriod::label).containsExactly("UNKNOWN", "DEGRADED", "OK");
    }

    @Test
    void aDayNotOverIsCutAtTheReportsTime() {
        Scenarios.outageDay(dir);
        Instant noon = at(OUTAGE_DAY, "12:00:00");
        DailyReport r = DailyReports.build(dir, Scenarios::policy, "slo.yaml", OUTAGE_DAY, noon);
        assertThat(r.today().partial()).isTrue();
        assertThat(r.today().checks()).isEqualTo(12 * 720);
        assertThat(r.hours()).hasSize(12);
        assertThat(r.notes()).anyMatch(n -> n.contains("is not over"));
    }

    private static Finding finding(DailyReport r, String name) {
        return r.status().findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
