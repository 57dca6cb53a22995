package dev.hypercare.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal payloads of the outbox, JSON with a schema version {@code v}:
 * <pre>
 * enqueued, carried  {"v": 1, "alert": {AlertJson}, "channels": ["ops-slack", "pager"]}
 * delivered          {"v": 1, "id": "INC-20261122-003/opened", "channel": "pager", "status": 202}
 * rejected           {"v": 1, "id": "INC-20261122-003/opened", "channel": "pager", "reason": "HTTP 400: ..."}
 * </pre>
 */
final class OutboxCodec {
    static final int VERSION = 1;

    private OutboxCodec() {}

    static byte[] encode(OutboxRecord record) {
        ObjectNode n = AlertJson.JSON.createObjectNode();
        n.put("v", VERSION);
        switch (record) {
            case OutboxRecord.Enqueued e -> alertAndChannels(n, e.alert(), e.channels());
            case OutboxRecord.Carried c -> alertAndChannels(n, c.alert(), c.channels());
            case OutboxRecord.Delivered d -> n.put("id", d.id()).put("channel", d.channel()).put("status", d.status());
            case OutboxRecord.Rejected r -> n.put("id", r.id()).put("channel", r.channel()).put("reason", r.reason());
        }
        return AlertJson.bytes(n);
    }

    /** The record of a journal entry; an {@link IllegalArgumentException} saying why when it cannot be read. */
    static OutboxRecord decode(String kind, byte[] payload) {
        JsonNode n = AlertJson.tree(payload);
        int version = n.path("v").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("expected version " + VERSION + ", found " + n.path("v"));
        }
        return switch (kind) {
            case OutboxRecord.ENQUEUED -> new OutboxRecord.Enqueued(AlertJson.decode(n.path("alert")), channels(n));
            case OutboxRecord.CARRIED -> new OutboxRecord.Carried(AlertJson.decode(n.path("alert")), channels(n));
            case OutboxRecord.DELIVERED -> new OutboxRecord.Delivered(AlertJson.text(n, "id"), AlertJson.text(n, "channel"),
                    n.path("status").asInt());
            case OutboxRecord.REJECTED -> new OutboxRecord.Rejected(AlertJson.text(n, "id"), AlertJson.text(n, "channel"),
                    AlertJson.text(n, "reason"));
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        };
    }

    private static void alertAndChannels(ObjectNode n, Alert alert, List<String> channels) {
        n.set("alert", AlertJson.encode(alert));
        ArrayNode list = n.putArray("channels");
        channels.forEach(list::add);
    }

    private static List<String> channels(JsonNode n) {
        JsonNode list = n.get("channels");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("field 'channels': expected a list");
        }
        List<String> channels = new ArrayList<>();
        list.forEach(c -> channels.add(c.asText()));
        return channels;
    }
}
