package dev.hypercare.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code verdict.json}: the report for machines (CI gates, dashboards, the next release's diff).
 * Every number of the model appears; a number that does not exist (NaN, or -1 for "no request in
 * that second") is {@code null}, never NaN, which JSON cannot carry. Times are ISO-8601 UTC strings.
 *
 * <p>Schema, version {@value GateReport#SCHEMA_VERSION} (bump {@link GateReport#SCHEMA_VERSION} on any
 * incompatible change; adding fields is compatible):
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "verdict": "GO" | "GO-WITH-RISKS" | "NO-GO" | "ROLLBACK" | "INCONCLUSIVE",
 *   "colour": "GREEN" | "AMBER" | "RED" | "GREY",
 *   "exitCode": 0 | 1 | 3,                 // without --fail-on-warn
 *   "inconclusiveReason": string | null,
 *   "reason": string,                      // the headline's one line
 *   "run": { "runIds": [string], "profile": string, "target": string,
 *            "start": time, "end": time,
 *            "evaluatedFrom": time | null, "evaluatedTo": time | null,   // ramps left out
 *            "gatlingReports": [relative path], "truncated": boolean, "notes": [string] },
 *   "findings": [ { "name": string, "metric": "p95" | "error_rate" | ...,
 *                   "scope": "http" | "request \"login\"" | ...,         // the label reports print
 *                   "scopeKind": "http" | "websocket" | "request" | "group" | "probe" | "probes",
 *                   "scopeName": string | null,                          // request, group or probe name
 *                   "window": { "start": time, "end": time },
 *                   "measured": number | null,                           // null for NO_DATA
 *                   "unit": "ratio" | "ms" | "per_second" | "count",     // ratios are fractions
 *                   "samples": integer, "minSamples": integer,
 *                   "outcome": "PASS" | "WARN" | "FAIL" | "NO_DATA" | "SKIPPED",
 *                   "limits": string, "key": boolean, "explanation": string } ],
 *   "rules": [ { "name": string, "kind": "ROLLBACK" | "ESCALATE", "metric": string,
 *                "scope": string, "scopeKind": string, "scopeName": string | null,
 *                "condition": string, "fired": boolean,
 *                "longestBreach": { "start": time, "end": time } | null,
 *                "worstValue": number | null, "unit": string, "explanation": string } ],
 *   "requests": [ { "name": string, "webSocket": boolean, "count": integer, "ok": integer, "ko": integer,
 *                   "p50Millis": integer, "p95Millis": integer, "p99Millis": integer, "maxMillis": integer,
 *                   "meanMillis": number | null } ],
 *   "topErrors": [ { "message": string, "count": integer, "share": number | null } ],   // share: fraction
 *   "series": [ { "time": time, "epochSecond": integer, "requests": integer, "ko": integer,
 *                 "p95Millis": integer | null, "p99Millis": integer | null,      // null: no request that second
 *                 "activeUsers": integer, "webSocketConnections": integer } ],
 *   "chartLimits": { "p95WarnMillis": number | null, "p95CriticalMillis": number | null,
 *                    "errorRateWarn": number | null, "errorRateCritical": number | null },
 *   "healthProbes": null | {                // null: no health probes ran beside the load
 *       "source": string,                   // which probes, how often, against what
 *       "window": { "start": time, "end": time },          // the judged span, as for findings
 *       "probes": [ probe ], "allProbes": probe,            // allProbes: the policy's scope "probes"
 *       "incidents": [ { "runId": string, "id": string, "severity": "P0" | "P1" | "P2" | "P3",
 *                        "title": string, "opened": time, "resolved": time | null,   // null: still open
 *                        "stillOpen": boolean } ],
 *       "notes": [string] }
 * }
 * probe = { "name": string, "samples": integer, "failures": integer,
 *           "availability": number | null, "p95Millis": number | null, "maxMillis": number | null,
 *           "topReasons": [ { "reason": string, "count": integer } ] }
 * }</pre>
 * Added in place, without a version bump (older readers ignore it): {@code healthProbes}, and the
 * values {@code SKIPPED} (outcome) and {@code probes} (scopeKind) that a load test's probe thresholds
 * take.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(GateReport report) {
        try {
            return JSON.writeValueAsString(Document.of(report)) + "\n";
        } catch (JsonProcessingException e) {
            // only plain records, strings, numbers and instants go in: this is a bug, not bad input
            throw new UncheckedIOException(e);
        }
    }

    // The records below are the schema; their component order is the order of the fields.

    record Document(
            int schemaVersion, String verdict, String colour, int exitCode, String inconclusiveReason, String reason,
            RunJson run, List<FindingJson> findings, List<RuleJson> rules, List<RequestJson> requests,
            List<ErrorJson> topErrors, List<PointJson> series, LimitsJson chartLimits, HealthJson healthProbes) {

        static Document of(GateReport report) {
            var result = report.result();
            return new Document(
                    GateReport.SCHEMA_VERSION,
                    result.verdict().label(),
                    result.verdict().colour(),
                    result.verdict().exitCode(false),
                    result.inconclusiveReason().orElse(null),
                    Headline.of(result).reason(),
                    RunJson.of(report.run()),
                    result.findings().stream().map(FindingJson::of).toList(),
                    result.rules().stream().map(RuleJson::of).toList(),
                    report.requests().stream().map(RequestJson::of).toList(),
                    report.topErrors().stream().map(e -> new ErrorJson(e.message(), e.count(), number(e.share()))).toList(),
                    report.series().stream().map(PointJson::of).toList(),
                    LimitsJson.of(report.limits()),
                    report.healthProbes().map(HealthJson::of).orElse(null));
        }
    }

    record RunJson(
            List<String> runIds, String profile, String target, Instant start, Instant end,
            Instant evaluatedFrom, Instant evaluatedTo, List<String> gatlingReports, boolean truncated, List<String> notes) {

        static RunJson of(GateReport.Run run) {
            return new RunJson(run.runIds(), run.profile(), run.target(), run.start(), run.end(),
                    run.evaluatedFrom().orElse(null), run.evaluatedTo().orElse(null),
                    run.gatlingReports(), run.truncated(), run.notes());
        }
    }

    record WindowJson(Instant start, Instant end) {
        static WindowJson of(Window window) {
            return new WindowJson(window.start(), window.end());
        }
    }

    record FindingJson(
            String name, String metric, String scope, String scopeKind, String scopeName, WindowJson window,
            Double measured, String unit, long samples, long minSamples, String outcome, String limits,
            boolean key, String explanation) {

        static FindingJson of(Finding f) {
            return new FindingJson(f.name(), f.metric().key(), f.scope().label(), JsonReport.scopeKind(f.scope()), JsonReport.scopeName(f.scope()),
                    WindowJson.of(f.window()), number(f.measured()), ValueText.unitKey(f.metric().unit()),
                    f.samples(), f.minSamples(), f.outcome().name(), f.limits(), f.key(), f.explanation());
        }
    }

    record RuleJson(
            String name, String kind, String metric, String scope, String scopeKind, String scopeName,
            String condition, boolean fired, WindowJson longestBreach, Double worstValue, String unit, String explanation) {

        static RuleJson of(RuleFinding r) {
            return new RuleJson(r.name(), r.kind().name(), r.metric().key(), r.scope().label(), JsonReport.scopeKind(r.scope()),
                    JsonReport.scopeName(r.scope()), r.condition(), r.fired(), r.longestBreach().map(WindowJson::of).orElse(null),
                    number(r.worstValue()), ValueText.unitKey(r.metric().unit()), r.explanation());
        }
    }

    record RequestJson(
            String name, boolean webSocket, long count, long ok, long ko,
            long p50Millis, long p95Millis, long p99Millis, long maxMillis, Double meanMillis) {

        static RequestJson of(GateReport.RequestRow r) {
            return new RequestJson(r.name(), r.webSocket(), r.count(), r.ok(), r.ko(),
                    r.p50Millis(), r.p95Millis(), r.p99Millis(), r.maxMillis(), number(r.meanMillis()));
        }
    }

    record ErrorJson(String message, long count, Double share) {}

    record PointJson(
            Instant time, long epochSecond, long requests, long ko, Long p95Millis, Long p99Millis,
            long activeUsers, long webSocketConnections) {

        static PointJson of(GateReport.SeriesPoint p) {
            return new PointJson(Instant.ofEpochSecond(p.epochSecond()), p.epochSecond(), p.requests(), p.ko(),
                    p.p95Millis() < 0 ? null : p.p95Millis(), p.p99Millis() < 0 ? null : p.p99Millis(),
                    p.activeUsers(), p.webSocketConnections());
        }
    }

    record LimitsJson(Double p95WarnMillis, Double p95CriticalMillis, Double errorRateWarn, Double errorRateCritical) {
        static LimitsJson of(GateReport.ChartLimits l) {
            return new LimitsJson(number(l.p95WarnMillis()), number(l.p95CriticalMillis()),
                    number(l.errorRateWarn()), number(l.errorRateCritical()));
        }
    }

    record HealthJson(String source, WindowJson window, List<ProbeJson> probes, ProbeJson allProbes, List<IncidentJson> incidents,
                      List<String> notes) {
        static HealthJson of(HealthProbes h) {
            return new HealthJson(h.source(), WindowJson.of(h.window()), h.probes().stream().map(ProbeJson::of).toList(),
                    ProbeJson.of(h.all()), h.incidents().stream().map(IncidentJson::of).toList(), h.notes());
        }
    }

    record ProbeJson(String name, long samples, long failures, Double availability, Double p95Millis, Double maxMillis,
                     List<HealthProbes.ReasonRow> topReasons) {
        static ProbeJson of(HealthProbes.ProbeRow p) {
            return new ProbeJson(p.name(), p.samples(), p.failures(), number(p.availability()), number(p.p95Millis()),
                    number(p.maxMillis()), p.topReasons());
        }
    }

    record IncidentJson(String runId, String id, String severity, String title, Instant opened, Instant resolved, boolean stillOpen) {
        static IncidentJson of(HealthProbes.IncidentRow i) {
            return new IncidentJson(i.runId(), i.id(), i.severity(), i.title(), i.opened(), i.resolved().orElse(null), i.stillOpen());
        }
    }

    /** The scope's kind, by the sealed type, so that consumers need not parse the label. */
    static String scopeKind(Scope scope) {
        return switch (scope) {
            case Scope.Http h -> "http";
            case Scope.WebSocket w -> "websocket";
            case Scope.Request r -> "request";
            case Scope.Group g -> "group";
            case Scope.Probe p -> "probe";
            case Scope.Probes p -> "probes";
        };
    }

    static String scopeName(Scope scope) {
        return switch (scope) {
            case Scope.Http h -> null;
            case Scope.WebSocket w -> null;
            case Scope.Request r -> r.name();
            case Scope.Group g -> g.name();
            case Scope.Probe p -> p.name();
            case Scope.Probes p -> null;
        };
    }

    /** JSON has no NaN or infinity: a value that does not exist is null. */
    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
