package dev.hypercare.report.hypercare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hypercare.incident.StateChange;
import dev.hypercare.report.Headline;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Window;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The hypercare reports for machines. Every figure of the model appears; a value that does not exist
 * is {@code null}, never NaN. Ratios are fractions, latencies milliseconds, durations whole seconds,
 * times ISO-8601 UTC. Records below are the schema; their component order is the order of the fields.
 *
 * <p>Daily, schema version {@value DailyReport#SCHEMA_VERSION}:
 * <pre>{@code
 * { "schemaVersion": 1, "report": "daily", "day": "2026-12-01", "journal": string, "policy": string,
 *   "status": Status, "today": Day, "dayBefore": Day,
 *   "change": { "availability": number|null, "errorRate": number|null, "p95Millis": number|null, "incidents": int },
 *   "incidentsBySeverity": [ { "severity": "P0", "count": int, "totalSeconds": int, "longestSeconds": int } ],
 *   "incidents": [ Incident ], "topFailures": [ { "reason": string, "count": int, "share": number, "probes": [string] } ],
 *   "timeline": [ { "state": "OK"|"DEGRADED"|"CRITICAL"|"ROLLBACK_RECOMMENDED"|null, "from": time, "to": time, "reasons": [string] } ],
 *   "stateChanges": [ { "time": time, "from": state, "to": state, "reasons": [string] } ],
 *   "probes": [ { "name": string, "locations": [string], "checks": int, "failures": int, "availability": number|null, "p95Millis": number|null } ],
 *   "hours": [ { "start": time, "checks": int, "failures": int, "availability": number|null, "p95Millis": number|null } ],
 *   "chartLimits": { "p95WarnMillis": number|null, "p95CriticalMillis": number|null }, "notes": [string] }
 * Status = { "colour": "GREEN"|"AMBER"|"RED"|"GREY", "verdict": "GO"|"GO-WITH-RISKS"|"NO-GO"|"ROLLBACK"|"INCONCLUSIVE",
 *            "exitCode": 0|1|3, "reason": string, "inconclusiveReason": string|null,
 *            "findings": [ { "name", "metric", "scope", "measured": number|null, "samples", "limits", "outcome", "key", "explanation" } ],
 *            "rules": [ { "name", "kind", "metric", "scope", "condition", "fired", "longestBreach": Window|null,
 *                         "worstValue": number|null, "explanation" } ] }
 * Day = { "day": date, "window": { "start": time, "end": time }, "partial": bool, "checks": int, "failures": int,
 *         "availability": number|null, "errorRate": number|null, "p95Millis": number|null, "incidents": int,
 *         "colour": string|null, "verdict": string|null }
 * Incident = { "id", "title", "severity": "P0".."P3", "escalation": int, "opened": time, "resolved": time|null,
 *              "durationSeconds": int, "open": bool }
 * }</pre>
 *
 * <p>Weekly, schema version {@value WeeklyReport#SCHEMA_VERSION}:
 * <pre>{@code
 * { "schemaVersion": 1, "report": "weekly", "first": date, "last": date, "window": Window, "journal", "policy",
 *   "status": Status, "week": { "checks", "failures", "availability", "errorRate", "p95Millis" }, "days": [ Day ],
 *   "incidentsBySeverity": [...], "incidents": [ Incident ], "resolved": int, "meanTimeToResolveSeconds": int|null,
 *   "stillOpen": int, "topFailures": [...],
 *   "availabilityTrend": Trend, "latencyTrend": Trend, "trendRule": string, "chartLimits": {...}, "notes": [string] }
 * Trend = { "subject": string, "direction": "IMPROVING"|"STABLE"|"DEGRADING"|"NO_DATA", "early": number|null, "late": number|null }
 * }</pre>
 *
 * <p>Exit, schema version {@value ExitReport#SCHEMA_VERSION}:
 * <pre>{@code
 * { "schemaVersion": 1, "report": "exit", "lastDay": date, "asOf": time, "journal": string,
 *   "decision": "READY FOR BAU"|"NOT READY FOR BAU"|"NO DATA: CANNOT DECIDE", "decisionKey": "READY"|"NOT_READY"|"NO_DATA",
 *   "exitCode": 0|1|3, "reason": string, "coverage": Window|null,
 *   "criteria": [ { "name", "measured", "threshold", "outcome": "PASS"|"FAIL"|"NO_DATA", "evidence" } ],
 *   "days": [ Day ], "period": { "window", "checks", "failures", "availability", "incidentsBySeverity", "resolved",
 *   "meanTimeToResolveSeconds" }, "incidents": [ Incident ], "notes": [string] }
 * }</pre>
 */
public final class HypercareJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private HypercareJson() {}

    public static String daily(DailyReport r) {
        DayFigures t = r.today(), b = r.before();
        return write(new DailyJson(DailyReport.SCHEMA_VERSION, "daily", t.day(), r.journal(), r.policy(), StatusJson.of(r.status()),
                DayJson.of(t), DayJson.of(b),
                new ChangeJson(number(t.availability() - b.availability()), number(t.errorRate() - b.errorRate()),
                        number(t.p95Millis() - b.p95Millis()), t.incidents() - b.incidents()),
                r.severities().stream().map(SeverityJson::of).toList(),
                r.incidents().stream().map(IncidentJson::of).toList(),
                r.topFailures().stream().map(f -> new FailureJson(f.reason(), f.count(), number(f.share()), f.probes())).toList(),
                r.timeline().stream().map(p -> new PeriodJson(p.state().map(Enum::name).orElse(null), p.from(), p.to(), p.reasons())).toList(),
                r.changes().stream().map(ChangeEntryJson::of).toList(),
                r.probes().stream().map(p -> new ProbeJson(p.name(), p.locations(), p.checks(), p.failures(), number(p.availability()),
                        number(p.p95Millis()))).toList(),
                r.hours().stream().map(h -> new HourJson(h.start(), h.checks(), h.failures(), number(h.availability()), number(h.p95Millis()))).toList(),
                new LimitsJson(number(r.limits().p95WarnMillis()), number(r.limits().p95CriticalMillis())),
                r.notes()));
    }

    public static String weekly(WeeklyReport r) {
        WeeklyReport.Totals w = r.week();
        return write(new WeeklyJson(WeeklyReport.SCHEMA_VERSION, "weekly", r.first(), r.last(), WindowJson.of(r.window()), r.journal(), r.policy(),
                StatusJson.of(r.status()),
                new TotalsJson(w.checks(), w.failures(), number(w.availability()), number(w.errorRate()), number(w.p95Millis())),
                r.days().stream().map(DayJson::of).toList(),
                r.severities().stream().map(SeverityJson::of).toList(),
                r.incidents().stream().map(IncidentJson::of).toList(),
                r.resolved(), r.meanTimeToResolve().map(java.time.Duration::toSeconds).orElse(null), r.stillOpen(),
                r.topFailures().stream().map(f -> new FailureJson(f.reason(), f.count(), number(f.share()), f.probes())).toList(),
                TrendJson.of(r.availability()), TrendJson.of(r.latency()), Trend.RULE,
                new LimitsJson(number(r.limits().p95WarnMillis()), number(r.limits().p95CriticalMillis())), r.notes()));
    }

    public static String exit(ExitReport r) {
        ExitReport.Period p = r.period();
        return write(new ExitJson(ExitReport.SCHEMA_VERSION, "exit", r.lastDay(), r.asOf(), r.journal(), r.decision().label(),
                r.decision().name(), r.decision().exitCode(), HypercareMarkdown.exitReason(r), r.coverage().map(WindowJson::of).orElse(null),
                r.criteria().stream().map(c -> new CriterionJson(c.name(), c.measured(), c.threshold(), c.outcome().name(), c.evidence())).toList(),
                r.days().stream().map(DayJson::of).toList(),
                new ExitPeriodJson(WindowJson.of(p.window()), p.checks(), p.failures(), number(p.availability()),
                        p.severities().stream().map(SeverityJson::of).toList(), p.resolved(),
                        p.meanTimeToResolve().map(java.time.Duration::toSeconds).orElse(null)),
                r.incidents().stream().map(IncidentJson::of).toList(), r.notes()));
    }

    static String write(Object document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            // only records, strings, numbers and times go in: a bug, not bad input
            throw new UncheckedIOException(e);
        }
    }

    record DailyJson(int schemaVersion, String report, LocalDate day, String journal, String policy, StatusJson status, DayJson today,
                     DayJson dayBefore, ChangeJson change, List<SeverityJson> incidentsBySeverity, List<IncidentJson> incidents,
                     List<FailureJson> topFailures, List<PeriodJson> timeline, List<ChangeEntryJson> stateChanges, List<ProbeJson> probes,
                     List<HourJson> hours, LimitsJson chartLimits, List<String> notes) {}

    record WeeklyJson(int schemaVersion, String report, LocalDate first, LocalDate last, WindowJson window, String journal, String policy,
                      StatusJson status, TotalsJson week, List<DayJson> days, List<SeverityJson> incidentsBySeverity,
                      List<IncidentJson> incidents, int resolved, Long meanTimeToResolveSeconds, int stillOpen, List<FailureJson> topFailures,
                      TrendJson availabilityTrend, TrendJson latencyTrend, String trendRule, LimitsJson chartLimits, List<String> notes) {}

    record TotalsJson(long checks, long failures, Double availability, Double errorRate, Double p95Millis) {}

    record TrendJson(String subject, String direction, Double early, Double late) {
        static TrendJson of(Trend t) {
            return new TrendJson(t.subject(), t.direction().name(), number(t.early()), number(t.late()));
        }
    }

    record ExitJson(int schemaVersion, String report, LocalDate lastDay, Instant asOf, String journal, String decision, String decisionKey,
                    int exitCode, String reason, WindowJson coverage, List<CriterionJson> criteria, List<DayJson> days,
                    ExitPeriodJson period, List<IncidentJson> incidents, List<String> notes) {}

    record CriterionJson(String name, String measured, String threshold, String outcome, String evidence) {}

    record ExitPeriodJson(WindowJson window, long checks, long failures, Double availability, List<SeverityJson> incidentsBySeverity,
                      int resolved, Long meanTimeToResolveSeconds) {}

    record WindowJson(Instant start, Instant end) {
        static WindowJson of(Window w) {
            return new WindowJson(w.start(), w.end());
        }
    }

    record StatusJson(String colour, String verdict, int exitCode, String reason, String inconclusiveReason, List<FindingJson> findings,
                      List<RuleJson> rules) {
        static StatusJson of(GateResult r) {
            return new StatusJson(r.verdict().colour(), r.verdict().label(), r.verdict().exitCode(false), Headline.of(r).reason(),
                    r.inconclusiveReason().orElse(null), r.findings().stream().map(FindingJson::of).toList(),
                    r.rules().stream().map(RuleJson::of).toList());
        }
    }

    record FindingJson(String name, String metric, String scope, Double measured, long samples, String limits, String outcome, boolean key,
                       String explanation) {
        static FindingJson of(Finding f) {
            return new FindingJson(f.name(), f.metric().key(), f.scope().written(), number(f.measured()), f.samples(), f.limits(),
                    f.outcome().name(), f.key(), f.explanation());
        }
    }

    record RuleJson(String name, String kind, String metric, String scope, String condition, boolean fired, WindowJson longestBreach,
                    Double worstValue, String explanation) {
        static RuleJson of(RuleFinding r) {
            return new RuleJson(r.name(), r.kind().name(), r.metric().key(), r.scope().written(), r.condition(), r.fired(),
                    r.longestBreach().map(WindowJson::of).orElse(null), number(r.worstValue()), r.explanation());
        }
    }

    record DayJson(LocalDate day, WindowJson window, boolean partial, long checks, long failures, Double availability, Double errorRate,
                   Double p95Millis, int incidents, String colour, String verdict) {
        static DayJson of(DayFigures d) {
            return new DayJson(d.day(), WindowJson.of(d.window()), d.partial(), d.checks(), d.failures(), number(d.availability()),
                    number(d.errorRate()), number(d.p95Millis()), d.incidents(),
                    d.verdict().map(v -> v.verdict().colour()).orElse(null), d.verdict().map(v -> v.verdict().label()).orElse(null));
        }
    }

    record ChangeJson(Double availability, Double errorRate, Double p95Millis, int incidents) {}

    record SeverityJson(String severity, int count, long totalSeconds, long longestSeconds) {
        static SeverityJson of(SeverityCount s) {
            return new SeverityJson(s.severity().name(), s.count(), s.total().toSeconds(), s.longest().toSeconds());
        }
    }

    record IncidentJson(String id, String title, String severity, int escalation, Instant opened, Instant resolved, long durationSeconds,
                        boolean open) {
        static IncidentJson of(IncidentRow i) {
            return new IncidentJson(i.id(), i.title(), i.severity().name(), i.escalation(), i.opened(), i.resolved().orElse(null),
                    i.duration().toSeconds(), i.open());
        }
    }

    record FailureJson(String reason, long count, Double share, List<String> probes) {}

    record PeriodJson(String state, Instant from, Instant to, List<String> reasons) {}

    record ChangeEntryJson(Instant time, String from, String to, List<String> reasons) {
        static ChangeEntryJson of(StateChange c) {
            return new ChangeEntryJson(c.time(), c.from().name(), c.to().name(), c.reasons());
        }
    }

    record ProbeJson(String name, List<String> locations, long checks, long failures, Double availability, Double p95Millis) {}

    record HourJson(Instant start, long checks, long failures, Double availability, Double p95Millis) {}

    record LimitsJson(Double p95WarnMillis, Double p95CriticalMillis) {}

    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
