package dev.hypercare.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Journal payloads of the incident side, as JSON with a schema version: kind {@value #INCIDENT} holds an
 * incident snapshot after a change (the last snapshot of an id is the incident), kind {@value #STATE} a
 * service state change. Written by hand rather than bound, so the format on disk is explicit and a
 * renamed field cannot silently change it.
 */
public final class IncidentCodec {
    public static final String INCIDENT = "incident";
    public static final String STATE = "state";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IncidentCodec() {}

    public static byte[] encode(Incident incident) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("id", incident.id());
        n.put("key", incident.key());
        n.put("title", incident.title());
        n.put("severity", incident.severity().name());
        n.put("escalation", incident.escalation());
        n.put("opened", incident.opened().toString());
        incident.resolved().ifPresentOrElse(r -> n.put("resolved", r.toString()), () -> n.putNull("resolved"));
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry e : incident.timeline()) {
            timeline.addObject().put("time", e.time().toString()).put("event", e.event()).put("text", e.text());
        }
        return bytes(n);
    }

    /** @throws IllegalArgumentException naming the field when the payload is not a version-1 incident snapshot */
    public static Incident decodeIncident(byte[] payload) {
        JsonNode n = tree(payload, INCIDENT);
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : n.path("timeline")) {
            timeline.add(new TimelineEntry(instant(e, "time", INCIDENT), text(e, "event", INCIDENT), text(e, "text", INCIDENT)));
        }
        JsonNode resolved = n.path("resolved");
        return new Incident(
                text(n, "id", INCIDENT),
                text(n, "key", INCIDENT),
                text(n, "title", INCIDENT),
                Severity.parse(text(n, "severity", INCIDENT)).orElseThrow(() -> new IllegalArgumentException(
                        "journal incident entry: severity: expected " + Severity.EXPECTED + ", found " + n.path("severity").asText())),
                n.path("escalation").asInt(),
                instant(n, "opened", INCIDENT),
                resolved.isNull() || resolved.isMissingNode() ? Optional.empty() : Optional.of(instant(n, "resolved", INCIDENT)),
                timeline);
    }

    public static byte[] encode(StateChange change) {
        ObjectNode n = JSON.createObjectNode();
        n.put("v", VERSION);
        n.put("time", change.time().toString());
        n.put("from", change.from().name());
        n.put("to", change.to().name());
        ArrayNode reasons = n.putArray("reasons");
        change.reasons().forEach(reasons::add);
        return bytes(n);
    }

    /** @throws IllegalArgumentException naming the field when the payload is not a version-1 state change */
    public static StateChange decodeState(byte[] payload) {
        JsonNode n = tree(payload, STATE);
        List<String> reasons = new ArrayList<>();
        n.path("reasons").forEach(r -> reasons.add(r.asText()));
        return new StateChange(instant(n, "time", STATE), state(n, "from"), state(n, "to"), reasons);
    }

    private static String text(JsonNode n, String field, String kind) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("journal " + kind + " entry: " + field + ": expected text, found "
                    + (v.isMissingNode() ? "nothing" : v.toString()));
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field, String kind) {
        String text = text(n, field, kind);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("journal " + kind + " entry: " + field + ": expected an instant like 2026-11-22T10:00:00Z, found "
                    + text, e);
        }
    }

    private static ServiceState state(JsonNode n, String field) {
        String text = text(n, field, STATE);
        try {
            return ServiceState.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("journal state entry: " + field + ": expected one of OK, DEGRADED, CRITICAL, ROLLBACK_RECOMMENDED, found "
                    + text, e);
        }
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] payload, String kind) {
        try {
            JsonNode n = JSON.readTree(payload);
            int version = n.path("v").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException("journal " + kind + " entry: expected format version " + VERSION
                        + ", found " + (version < 0 ? "none" : version));
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("journal " + kind + " entry: expected JSON, found unreadable bytes", e);
        }
    }
}
