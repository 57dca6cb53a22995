package dev.hypercare.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The JSON text protocol on {@code /ws}: what clients may send and what the server answers. Anything that
 * is not one of the known messages is echoed back verbatim by the hub.
 */
final class WebSocketProtocol {

    static final int MAX_CHANNEL_LENGTH = 200;

    private WebSocketProtocol() {}

    /** A message from a client. */
    sealed interface ClientMessage {}

    /** {@code {"type":"subscribe","channel":"launch"}} */
    record Subscribe(String channel) implements ClientMessage {}

    /** {@code {"type":"unsubscribe","channel":"launch"}} */
    record Unsubscribe(String channel) implements ClientMessage {}

    /** {@code {"type":"heartbeat","seq":7}}; {@code seq} is returned as sent, whatever JSON value it is. */
    record Heartbeat(JsonNode seq) implements ClientMessage {}

    /** Anything else, including text that is not JSON: echoed back. */
    record Other() implements ClientMessage {}

    record ChannelReply(String type, String channel) {}

    record HeartbeatAck(String type, JsonNode seq) {}

    record Broadcast(String type, String channel, long seq, long sentAt) {}

    record Error(String type, String message) {}

    static ClientMessage parse(String text) {
        // most echo traffic is not JSON: skip the parser for it
        if (!text.stripLeading().startsWith("{")) {
            return new Other();
        }
        return Json.object(text).map(WebSocketProtocol::of).orElseGet(Other::new);
    }

    private static ClientMessage of(ObjectNode message) {
        String type = Json.nonBlankText(message, "type").orElse("");
        return switch (type) {
            case "subscribe" -> channel(message).<ClientMessage>map(Subscribe::new).orElseGet(Other::new);
            case "unsubscribe" -> channel(message).<ClientMessage>map(Unsubscribe::new).orElseGet(Other::new);
            case "heartbeat" -> message.has("seq") ? new Heartbeat(message.get("seq")) : new Other();
            default -> new Other();
        };
    }

    private static Optional<String> channel(ObjectNode message) {
        return Json.nonBlankText(message, "channel").filter(channel -> channel.length() <= MAX_CHANNEL_LENGTH);
    }

    static String subscribed(String channel) {
        return Json.text(new ChannelReply("subscribed", channel));
    }

    static String unsubscribed(String channel) {
        return Json.text(new ChannelReply("unsubscribed", channel));
    }

    static String heartbeatAck(JsonNode seq) {
        return Json.text(new HeartbeatAck("heartbeat-ack", seq));
    }

    /** {@code {"type":"error","message":...}}: only for a subscription over the per-connection limit. */
    static String error(String message) {
        return Json.text(new Error("error", message));
    }

    static String broadcast(String channel, long seq, long sentAtEpochMillis) {
        return Json.text(new Broadcast("broadcast", channel, seq, sentAtEpochMillis));
    }
}
