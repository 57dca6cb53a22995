package dev.hypercare.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.incident.Incident;
import dev.hypercare.incident.TimelineEntry;
import dev.hypercare.probe.CertificateStatus;
import dev.hypercare.probe.ConditionResult;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.WindowStats;
import dev.hypercare.runner.ProbeStatus;
import dev.hypercare.runner.RunnerStatus;
import dev.hypercare.slo.BurnRateStatus;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code /api/status}: a runner snapshot for machines. Written through Jackson's tree so that the format is
 * explicit here and a renamed record component cannot change it. Times are ISO-8601 UTC strings, durations
 * are milliseconds (fractional where the measurement is finer), ratios are fractions 0..1, and a number that
 * does not exist (NaN, infinite) is {@code null}. Arrays keep the snapshot's order.
 *
 * <p>Schema, version {@value #SCHEMA_VERSION} (bump on any incompatible change; adding fields is compatible):
 * <pre>{@code
 * {
 *   "schemaVersion": 1,
 *   "time": time,                               // when the snapshot was taken
 *   "service": string,
 *   "state": { "name": "OK" | "DEGRADED" | "CRITICAL" | "ROLLBACK_RECOMMENDED",
 *              "label": string,                 // "ROLLBACK RECOMMENDED"
 *              "colour": "green" | "amber" | "red",
 *              "since": time, "reasons": [string] },          // reasons empty when OK
 *   "windows": [window],                        // the whole service
 *   "burnRates": [ { "rule": string, "factor": number, "page": boolean,
 *                    "longWindow": string, "longWindowMillis": integer,     // "1h", 3600000
 *                    "longBurn": number | null, "longSamples": integer,
 *                    "shortWindow": string, "shortWindowMillis": integer,
 *                    "shortBurn": number | null, "shortSamples": integer,
 *                    "firing": boolean, "explanation": string } ],
 *   "probes": [ { "name": string, "kind": "http" | "websocket" | "tls", "location": string,
 *                 "severity": "P0" | "P1" | "P2" | "P3", "up": boolean,  // after flap suppression
 *                 "last": result | null, "windows": [window] } ],
 *   "openIncidents": [ { "id": string, "key": string, "title": string, "severity": string,
 *                        "escalation": integer,     // 0 on-call .. 3 executive
 *                        "opened": time, "resolved": time | null, "openMillis": integer,
 *                        "timeline": [ { "time": time, "event": string, "text": string } ] } ]
 * }
 * window = { "window": string, "windowMillis": integer,          // "5m", 300000
 *            "samples": integer, "failures": integer,
 *            "availability": number | null, "errorRate": number | null, "p95Millis": number | null }
 * result = { "start": time, "success": boolean, "status": integer | null,   // HTTP status, null if none
 *            "reason": "ok" | "timeout" | "refused" | "dns" | "tls" | "status" | "condition" | ...,
 *            "totalMillis": number, "phasesMillis": { "dns" | "connect" | "tls" | "processing" | "transfer": number },
 *            "conditions": [ { "written": string, "ok": boolean, "resolved": string } ],
 *            "failedConditions": [string],                              // resolved, e.g. "[STATUS] (503) == 200"
 *            "certificate": { "subject": string, "notAfter": time, "daysLeft": integer,
 *                             "expiry": "OK" | "WARN" | "CRITICAL" | "EXPIRED", "trusted": boolean } | null,
 *            "message": string }
 * }</pre>
 */
public final class StatusJson {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {}

    public static String render(RunnerStatus status) {
        try {
            return JSON.writeValueAsString(tree(status)) + "\n";
        } catch (JsonProcessingException e) {
            // only strings, numbers and booleans go into the tree: a bug, not bad input
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(RunnerStatus status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("time", status.time().toString());
        root.put("service", status.service());
        ObjectNode state = root.putObject("state");
        state.put("name", status.state().name());
        state.put("label", status.state().label());
        state.put("colour", status.state().colour());
        state.put("since", status.since().toString());
        strings(state.putArray("reasons"), status.reasons());
        windows(root.putArray("windows"), status.windows());
        ArrayNode burnRates = root.putArray("burnRates");
        status.burnRates().forEach(b -> burnRate(burnRates.addObject(), b));
        ArrayNode probes = root.putArray("probes");
        status.probes().forEach(p -> probe(probes.addObject(), p));
        ArrayNode incidents = root.putArray("openIncidents");
        status.openIncidents().forEach(i -> incident(incidents.addObject(), i, status));
        return root;
    }

    private static void burnRate(ObjectNode n, BurnRateStatus b) {
        n.put("rule", b.rule().name());
        number(n, "factor", b.rule().factor());
        n.put("page", b.rule().page());
        n.put("longWindow", WindowLabel.of(b.rule().longWindow()));
        n.put("longWindowMillis", b.rule().longWindow().toMillis());
        number(n, "longBurn", b.longBurn());
        n.put("longSamples", b.longSamples());
        n.put("shortWindow", WindowLabel.of(b.rule().shortWindow()));
        n.put("shortWindowMillis", b.rule().shortWindow().toMillis());
        number(n, "shortBurn", b.shortBurn());
        n.put("shortSamples", b.shortSamples());
        n.put("firing", b.firing());
        n.put("explanation", b.explanation());
    }

    private static void probe(ObjectNode n, ProbeStatus p) {
        n.put("name", p.name());
        n.put("kind", p.kind());
        n.put("location", p.location());
        n.put("severity", p.severity().name());
        n.put("up", p.up());
        p.last().ifPresentOrElse(r -> result(n.putObject("last"), r), () -> n.putNull("last"));
        windows(n.putArray("windows"), p.windows());
    }

    private static void result(ObjectNode n, ProbeResult r) {
        n.put("start", r.start().toString());
        n.put("success", r.success());
        if (r.status() >= 0) {
            n.put("status", r.status());
        } else {
            n.putNull("status");
        }
        n.put("reason", r.reason().text());
        number(n, "totalMillis", millis(r.total()));
        ObjectNode phases = n.putObject("phasesMillis");
        r.phases().forEach((phase, d) -> number(phases, phase.text(), millis(d)));
        ArrayNode conditions = n.putArray("conditions");
        for (ConditionResult c : r.conditions()) {
            conditions.addObject().put("written", c.written()).put("ok", c.ok()).put("resolved", c.resolved());
        }
        strings(n.putArray("failedConditions"), r.failedConditions());
        r.certificate().ifPresentOrElse(c -> certificate(n.putObject("certificate"), c), () -> n.putNull("certificate"));
        n.put("message", r.message());
    }

    private static void certificate(ObjectNode n, CertificateStatus c) {
        n.put("subject", c.subject());
        n.put("notAfter", c.notAfter().toString());
        n.put("daysLeft", c.daysLeft());
        n.put("expiry", c.expiry().name());
        n.put("trusted", c.trusted());
    }

    private static void incident(ObjectNode n, Incident i, RunnerStatus status) {
        n.put("id", i.id());
        n.put("key", i.key());
        n.put("title", i.title());
        n.put("severity", i.severity().name());
        n.put("escalation", i.escalation());
        n.put("opened", i.opened().toString());
        i.resolved().ifPresentOrElse(r -> n.put("resolved", r.toString()), () -> n.putNull("resolved"));
        n.put("openMillis", i.duration(status.time()).toMillis());
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry e : i.timeline()) {
            timeline.addObject().put("time", e.time().toString()).put("event", e.event()).put("text", e.text());
        }
    }

    private static void windows(ArrayNode array, List<WindowStats> windows) {
        for (WindowStats w : windows) {
            ObjectNode n = array.addObject();
            n.put("window", WindowLabel.of(w.window()));
            n.put("windowMillis", w.window().toMillis());
            n.put("samples", w.samples());
            n.put("failures", w.failures());
            number(n, "availability", w.availability());
            number(n, "errorRate", w.errorRate());
            number(n, "p95Millis", w.p95Millis());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }

    /** Milliseconds with microsecond precision: 12.345. */
    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 1e3) / 1e3;
    }
}
