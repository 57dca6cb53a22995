package dev.hypercare.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.incident.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Alert} as JSON, the same in the webhook body and in the outbox journal. Written by hand rather
 * than bound, so the format is explicit and a renamed field cannot silently change it:
 * <pre>
 * {"id": "INC-20261122-003/opened", "dedupKey": "hypercare/demo/INC-20261122-003",
 *  "action": "trigger", "severity": "P1", "summary": "...", "source": "demo@eu-west",
 *  "time": "2026-11-22T10:00:00Z", "details": {"probe": "checkout", ...}}
 * </pre>
 * {@code action} is {@code trigger} or {@code resolve}; {@code time} is ISO-8601 UTC; {@code details} maps
 * strings to strings, in order.
 */
final class AlertJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {}

    static ObjectNode encode(Alert alert) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", alert.id());
        n.put("dedupKey", alert.dedupKey());
        n.put("action", alert.action().text());
        n.put("severity", alert.severity().name());
        n.put("summary", alert.summary());
        n.put("source", alert.source());
        n.put("time", alert.time().toString());
        ObjectNode details = n.putObject("details");
        alert.details().forEach(details::put);
        return n;
    }

    /** The alert in {@code n}; an {@link IllegalArgumentException} naming the field when one is missing or wrong. */
    static Alert decode(JsonNode n) {
        Map<String, String> details = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = n.path("details").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            details.put(f.getKey(), f.getValue().asText());
        }
        String action = text(n, "action");
        String severity = text(n, "severity");
        Instant time;
        try {
            time = Instant.parse(text(n, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alert field 'time': expected an ISO-8601 instant");
        }
        return new Alert(
                text(n, "id"),
                text(n, "dedupKey"),
                switch (action) {
                    case "trigger" -> AlertAction.TRIGGER;
                    case "resolve" -> AlertAction.RESOLVE;
                    default -> throw new IllegalArgumentException("alert field 'action': expected trigger or resolve, found '" + action + "'");
                },
                Severity.parse(severity).orElseThrow(() -> new IllegalArgumentException(
                        "alert field 'severity': expected " + Severity.EXPECTED + ", found '" + severity + "'")),
                text(n, "summary"),
                text(n, "source"),
                time,
                details);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "': expected a string, found "
                    + (v == null ? "none" : v.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return v.asText();
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }
}
