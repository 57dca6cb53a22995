package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gate reports built in code: one per verdict, plus empty and very long series. */
final class Fixtures {
    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    static final Instant END = Instant.parse("2025-06-01T12:10:00Z");
    static final Window EVALUATED = new Window(Instant.parse("2025-06-01T12:01:00Z"), Instant.parse("2025-06-01T12:09:00Z"));
    static final Window BREACH = new Window(Instant.parse("2025-06-01T12:04:00Z"), Instant.parse("2025-06-01T12:07:00Z"));
    static final GateReport.ChartLimits LIMITS = new GateReport.ChartLimits(500, 1_000, 0.01, 0.05);

    private Fixtures() {}

    static GateReport go() {
        var findings = List.of(
                finding("p95 latency", Metric.P95, new Scope.Http(), 412, Outcome.PASS, "warn > 500 ms, critical > 1 s", true),
                finding("error rate", Metric.ERROR_RATE, new Scope.Http(), 0.0004, Outcome.PASS, "warn > 1 %, critical > 5 %", true),
                finding("throughput", Metric.THROUGHPUT, new Scope.Http(), 1_234.4, Outcome.PASS, "min 1,000 req/s", false));
        return report(new GateResult(Verdict.GO, findings, List.of(rollbackRule(false)), Optional.empty()), series(600));
    }

    /** FAIL on p95, a WARN, a fired escalation rule; the rollback rule holds. */
    static GateReport noGo() {
        return report(new GateResult(Verdict.NO_GO, noGoFindings(), List.of(rollbackRule(false), escalationRule(true)), Optional.empty()),
                series(600));
    }

    /** As {@link #noGo()}, with the rollback rule fired: the verdict rises to ROLLBACK. */
    static GateReport rollback() {
        return report(new GateResult(Verdict.ROLLBACK, noGoFindings(), List.of(rollbackRule(true), escalationRule(false)), Optional.empty()),
                series(600));
    }

    static GateReport inconclusive() {
        var findings = List.of(
                new Finding("p95 latency", Metric.P95, new Scope.Http(), Fixtures.EVALUATED, Double.NaN, 12, 100, Outcome.NO_DATA,
                        "warn > 500 ms, critical > 1 s", true, "only 12 samples, 100 needed"),
                finding("error rate", Metric.ERROR_RATE, new Scope.Http(), 0.0, Outcome.PASS, "warn > 1 %, critical > 5 %", true));
        var result = new GateResult(Verdict.INCONCLUSIVE, findings, List.of(), Optional.of("key metric p95 on http had 12 samples, 100 needed"));
        var run = new GateReport.Run(List.of("run-a", "run-b"), "smoke", "http://127.0.0.1:8080", START, END,
                Optional.empty(), Optional.empty(), List.of(), true, List.of("shard run-b ended early"));
        return new GateReport(run, result, List.of(), List.of(), series(20), new GateReport.ChartLimits(Double.NaN, Double.NaN, 0.01, Double.NaN));
    }

    static final Instant INCIDENT_OPENED = Instant.parse("2025-06-01T12:04:10Z");
    static final Instant INCIDENT_RESOLVED = Instant.parse("2025-06-01T12:06:30Z");
    static final Instant LATE_INCIDENT = Instant.parse("2025-06-01T12:08:00Z");

    /**
     * The probes of a run whose target refused connections from 12:04:10 to 12:06:30: one probe with
     * failures, one without (a pipe in its name), two incidents (one resolved, one still open with
     * markup in its title) and a note.
     */
    static HealthProbes health() {
        var live = new HealthProbes.ProbeRow("demo live", 480, 12, 0.975, 41.2, 2_000,
                List.of(new HealthProbes.ReasonRow("refused: connection refused", 10),
                        new HealthProbes.ReasonRow("timeout: no response within the timeout of 2s", 2)));
        var ws = new HealthProbes.ProbeRow("demo | ws", 240, 0, 1.0, 12.5, 30.25, List.of());
        var all = new HealthProbes.ProbeRow("all probes", 720, 12, 708.0 / 720, 38.0, 2_000,
                List.of(new HealthProbes.ReasonRow("refused: connection refused", 10),
                        new HealthProbes.ReasonRow("timeout: no response within the timeout of 2s", 2)));
        var incidents = List.of(
                new HealthProbes.IncidentRow("20250601-120000-smoke", "INC-20250601-001", "P1", "demo live failing: refused",
                        INCIDENT_OPENED, Optional.of(INCIDENT_RESOLVED)),
                new HealthProbes.IncidentRow("20250601-120000-smoke", "INC-20250601-002", "P2", "demo <ws> failing: timeout",
                        LATE_INCIDENT, Optional.empty()));
        return new HealthProbes("2 probes of profiles/probes.yaml, every 1s, against the load's target", EVALUATED,
                List.of(live, ws), all, incidents, List.of("run 20250601-120000-smoke: probes journal: the last 17 bytes are not a whole record"));
    }

    static GateReport withSeries(GateReport report, List<GateReport.SeriesPoint> series) {
        return new GateReport(report.run(), report.result(), report.requests(), report.topErrors(), series, report.limits(),
                report.healthProbes());
    }

    static List<Finding> noGoFindings() {
        return List.of(
                new Finding("p95 latency", Metric.P95, new Scope.Http(), EVALUATED, 1_234, 48_213, 100, Outcome.FAIL,
                        "warn > 500 ms, critical > 1 s", true, "p95 1.2 s is over the critical limit 1 s"),
                new Finding("error rate", Metric.ERROR_RATE, new Scope.Http(), EVALUATED, 0.024, 48_213, 100, Outcome.WARN,
                        "warn > 1 %, critical > 5 %", true, "2.4 % is over the warning limit 1 %"),
                finding("login p99", Metric.P99, new Scope.Request("login"), 712, Outcome.PASS, "critical > 2 s", false),
                finding("throughput", Metric.THROUGHPUT, new Scope.Http(), 1_234.4, Outcome.PASS, "min 1,000 req/s", false),
                finding("ws connect errors", Metric.WS_CONNECT_ERROR_RATE, new Scope.WebSocket(), 0.0004, Outcome.PASS, "critical > 1 %", false),
                finding("checkout | p95", Metric.P95, new Scope.Group("checkout"), 5_200, Outcome.PASS, "critical > 8 s", false),
                finding("peak sockets", Metric.WS_CONNECTIONS, new Scope.WebSocket(), 12_500, Outcome.PASS, "min 10,000", false));
    }

    static Finding finding(String name, Metric metric, Scope scope, double measured, Outcome outcome, String limits, boolean key) {
        return new Finding(name, metric, scope, EVALUATED, measured, 48_213, 100, outcome, limits, key, name + " is " + outcome);
    }

    static RuleFinding rollbackRule(boolean fired) {
        return new RuleFinding("error spike", RuleFinding.Kind.ROLLBACK, Metric.ERROR_RATE, new Scope.Http(), "error_rate > 10 % for 2m",
                fired, fired ? Optional.of(BREACH) : Optional.empty(), fired ? 0.183 : 0.031,
                fired ? "error rate above 10 % from 12:04:00 to 12:07:00 (3m), worst 18.3 %" : "never above 10 %");
    }

    static RuleFinding escalationRule(boolean fired) {
        return new RuleFinding("slow logins", RuleFinding.Kind.ESCALATE, Metric.P99, new Scope.Request("login"), "p99 > 1.5 s for 1m",
                fired, fired ? Optional.of(BREACH) : Optional.empty(), fired ? 1_820 : 712,
                fired ? "p99 of login above 1.5 s for 3m" : "");
    }

    static GateReport report(GateResult result, List<GateReport.SeriesPoint> series) {
        var run = new GateReport.Run(List.of("20250601-120000-smoke"), "smoke", "http://127.0.0.1:8080", START, END,
                Optional.of(EVALUATED.start()), Optional.of(EVALUATED.end()), List.of("gatling/smoke-20250601120000/index.html"),
                false, List.of());
        var requests = List.of(
                new GateReport.RequestRow("login", false, 47_056, 1_157, 120, 712, 1_530, 5_200, 182.4),
                new GateReport.RequestRow("ws: connect", true, 12_500, 3, 15, 40, 80, 900, 21.0));
        var errors = List.of(
                new GateReport.ErrorRow("status.find.in(200..399), found 502", 1_157, 0.625),
                new GateReport.ErrorRow("i.n.c.ConnectTimeoutException | connection timed out\nafter 10 s", 694, 0.375));
        return new GateReport(run, result, requests, errors, series, LIMITS);
    }

    /**
     * {@code seconds} seconds from {@link #START}: p95 300..477 ms, p99 200 ms above; every 97th
     * second has no request (p95 -1), every 50th has 5 failures.
     */
    static List<GateReport.SeriesPoint> series(int seconds) {
        List<GateReport.SeriesPoint> points = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            boolean idle = i % 97 == 96;
            long p95 = idle ? -1 : 300 + (i % 60) * 3;
            long users = Math.min(500, i * 5L);
            points.add(new GateReport.SeriesPoint(START.getEpochSecond() + i, idle ? 0 : 100 + i % 7, idle || i % 50 != 0 ? 0 : 5,
                    p95, idle ? -1 : p95 + 200, users, users / 2));
        }
        return points;
    }

    /**
     * A ten-minute run that looks like one: users ramp for a minute, latency wobbles around 300 ms,
     * and from 12:04 to 12:07 the target struggles (p95 over a second, 15 % errors), with two idle
     * seconds as gaps. Deterministic: the wobble is a sine, not random.
     */
    static List<GateReport.SeriesPoint> incident() {
        List<GateReport.SeriesPoint> points = new ArrayList<>(600);
        for (int i = 0; i < 600; i++) {
            boolean bad = i >= 240 && i < 420;
            boolean idle = i == 30 || i == 31;
            long users = Math.min(500, i * 500L / 60);
            long requests = idle ? 0 : Math.max(1, users * 2);
            long p95 = idle ? -1 : Math.round((bad ? 1_150 : 300) + 60 * Math.sin(i / 7.0) + (i == 500 ? 900 : 0));
            long p99 = idle ? -1 : Math.round(p95 * 1.6);
            long ko = bad ? requests * 15 / 100 : (i % 45 == 0 ? requests / 200 : 0);
            points.add(new GateReport.SeriesPoint(START.getEpochSecond() + i, requests, ko, p95, p99, users, bad ? users / 3 : users / 2));
        }
        return points;
    }
}
