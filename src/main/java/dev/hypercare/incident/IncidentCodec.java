package dev.hypercare.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    public static Incident decodeIncident(byte[] payload) {
        JsonNode n = tree(payload, INCIDENT);
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : n.path("timeline")) {
            timeline.add(new TimelineEntry(Instant.parse(e.path("time").asText()), e.path("event").asText(), e.path("text").asText()));
        }
        JsonNode resolved = n.path("resolved");
        return new Incident(
                n.path("id").asText(),
                n.path("key").asText(),
                n.path("title").asText(),
                Severity.valueOf(n.path("severity").asText()),
                n.path("escalation").asInt(),
                Instant.parse(n.path("opened").asText()),
                resolved.isNull() || resolved.isMissingNode() ? Optional.empty() : Optional.of(Instant.parse(resolved.asText())),
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

    public static StateChange decodeState(byte[] payload) {
        JsonNode n = tree(payload, STATE);
        List<String> reasons = new ArrayList<>();
        n.path("reasons").forEach(r -> reasons.add(r.asText()));
        return new StateChange(Instant.parse(n.path("time").asText()), ServiceState.valueOf(n.path("from").asText()),
                ServiceState.valueOf(n.path("to").asText()), reasons);
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
