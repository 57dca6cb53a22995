package dev.hypercare.report.hypercare;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.probe.Reason;
import dev.hypercare.slo.SloPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The journals the report tests read, with known content: two probes, api and web, checking every 10 s
 * (8,640 checks a day each); a healthy check takes 20 to 29 ms.
 */
public final class Scenarios {
    static final List<String> PROBES = List.of("api", "web");
    static final Duration EVERY = Duration.ofSeconds(10);
    public static final LocalDate OUTAGE_DAY = LocalDate.parse("2026-10-14");
    static final Instant OUTAGE_FROM = at(OUTAGE_DAY, "10:00:00"), OUTAGE_TO = at(OUTAGE_DAY, "10:07:00");

    /**
     * The policy the tests judge by: the default levels of DESIGN §5 on the two probes. minSamples 50 lets a
     * one-minute window of one probe (6 checks) count for {@code for:} rules (a tenth of minSamples).
     */
    public static final String POLICY = """
            version: 1
            minSamples: 50
            evaluationStep: 10s
            thresholds:
              - name: api error rate
                metric: error_rate
                scope: probe:api
                key: true
                target: "< 0.5%"
                warn: "> 1%"
                critical: "> 5%"
                rollback: "> 10% for 5m"
                escalate: "> 5% for 15m"
              - name: api p95
                metric: p95
                scope: probe:api
                key: true
                target: "< 100ms"
                warn: "> 200ms"
                critical: "> 500ms"
                rollback: "> 5s for 5m"
              - name: web availability
                metric: availability
                scope: probe:web
                key: true
                target: ">= 99.9%"
                warn: "< 99.9%"
                critical: "< 99.5%"
              - name: http error rate
                metric: error_rate
                scope: http
                key: true
                warn: "> 1%"
            """;

    private Scenarios() {}

    static SloPolicy policy() {
        return SloPolicy.parse("slo.yaml", POLICY);
    }

    public static Path policyFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("slo.yaml"), POLICY);
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** 20 to 29 ms, by the check's time: the same whatever the schedule's start. */
    static JournalFixture.Outcome healthy(String probe, Instant t, long index) {
        return JournalFixture.Outcome.ok(Duration.ofMillis(20 + t.getEpochSecond() / 10 % 10));
    }

    /** {@code days} clean days from {@code first}: every check passes. */
    public static List<JournalFixture.Check> clean(Path journal, LocalDate first, int days) {
        try (JournalFixture f = new JournalFixture(journal, start(first.plusDays(days)))) {
            f.checks(PROBES, start(first), start(first.plusDays(days)), EVERY, Scenarios::healthy);
            return f.checks();
        }
    }

    /**
     * The day before {@link #OUTAGE_DAY} is clean but for a 5-minute DEGRADED state at 12:00; on the day
     * both probes are refused from 10:00 to 10:07 (42 checks each, 1 ms), incident INC-1 opens as P1 at
     * 10:00:30, is escalated to P0 at 10:05:30 (outage over 5 minutes) and resolves at 10:07:20, and the
     * state goes CRITICAL from 10:00:30 to 10:07:20.
     */
    public static List<JournalFixture.Check> outageDay(Path journal) {
        LocalDate before = OUTAGE_DAY.minusDays(1);
        try (JournalFixture f = new JournalFixture(journal, start(OUTAGE_DAY.plusDays(1)))) {
            f.checks(PROBES, start(before), at(before, "12:00:00"), EVERY, Scenarios::healthy);
            f.state(at(before, "12:00:00"), ServiceState.OK, ServiceState.DEGRADED, "api p95 warn");
            f.checks(PROBES, at(before, "12:00:00"), at(before, "12:05:00"), EVERY, Scenarios::healthy);
            f.state(at(before, "12:05:00"), ServiceState.DEGRADED, ServiceState.OK);
            f.checks(PROBES, at(before, "12:05:00"), OUTAGE_FROM, EVERY, Scenarios::healthy);
            f.checks(PROBES, OUTAGE_FROM, at(OUTAGE_DAY, "10:00:30"), EVERY, Scenarios::outage);
            f.incident("INC-1", "api failing: refused", Severity.P1, at(OUTAGE_DAY, "10:00:30"), Optional.empty(), Optional.empty());
            f.state(at(OUTAGE_DAY, "10:00:30"), ServiceState.OK, ServiceState.CRITICAL, "incident INC-1 (P1) open");
            f.checks(PROBES, at(OUTAGE_DAY, "10:00:30"), at(OUTAGE_DAY, "10:05:30"), EVERY, Scenarios::outage);
            f.incident("INC-1", "api failing: refused", Severity.P1, at(OUTAGE_DAY, "10:00:30"), Optional.of(at(OUTAGE_DAY, "10:05:30")),
                    Optional.empty());
            f.checks(PROBES, at(OUTAGE_DAY, "10:05:30"), at(OUTAGE_DAY, "10:07:20"), EVERY, Scenarios::outage);
            f.incident("INC-1", "api failing: refused", Severity.P1, at(OUTAGE_DAY, "10:00:30"), Optional.of(at(OUTAGE_DAY, "10:05:30")),
                    Optional.of(at(OUTAGE_DAY, "10:07:20")));
            f.state(at(OUTAGE_DAY, "10:07:20"), ServiceState.CRITICAL, ServiceState.OK);
            f.checks(PROBES, at(OUTAGE_DAY, "10:07:20"), start(OUTAGE_DAY.plusDays(1)), EVERY, Scenarios::outage);
            return f.checks();
        }
    }

    private static JournalFixture.Outcome outage(String probe, Instant t, long i) {
        return !t.isBefore(OUTAGE_FROM) && t.isBefore(OUTAGE_TO)
                ? JournalFixture.Outcome.failed(Reason.REFUSED, -1, Duration.ofMillis(1))
                : healthy(probe, t, i);
    }

    /**
     * {@code cleanBefore} clean days, then a week from {@code weekStart} whose day {@code badDay} (1 to 7)
     * fails 3 of every 200 checks of each probe with HTTP 503 (132 of 8,640 a probe: 1.53 %).
     */
    public static List<JournalFixture.Check> weekWithBadDay(Path journal, LocalDate weekStart, int badDay, int cleanBefore) {
        LocalDate bad = weekStart.plusDays(badDay - 1);
        try (JournalFixture f = new JournalFixture(journal, start(weekStart.plusDays(7)))) {
            f.checks(PROBES, start(weekStart.minusDays(cleanBefore)), start(weekStart.plusDays(7)), EVERY, (p, t, i) -> {
                long inDay = t.getEpochSecond() % 86_400 / 10;
                boolean failing = ProbeHistory.day(t).equals(bad) && inDay % 200 < 3;
                return failing ? JournalFixture.Outcome.failed(Reason.STATUS, 503, Duration.ofMillis(35)) : healthy(p, t, i);
            });
            return f.checks();
        }
    }
}
