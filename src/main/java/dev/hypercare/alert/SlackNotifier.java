package dev.hypercare.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.BadInputException;
import dev.hypercare.probe.SecretHeaders;
import java.util.List;
import java.util.Map;

/**
 * A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat and others accept the same body):
 * POST {@code {"text": "..."}} with one line, e.g.
 * {@code [P1] trigger: checkout p95 above 500 ms (source demo@eu-west, id INC-20261122-003/opened)}.
 * The URL is the secret.
 */
public final class SlackNotifier implements Notifier {
    private final ChannelSpec.Slack spec;
    private final Map<String, String> env;
    private final HttpPoster poster;

    SlackNotifier(ChannelSpec.Slack spec, Map<String, String> env, HttpPoster poster) {
        this.spec = spec;
        this.env = env;
        this.poster = poster;
    }

    @Override
    public String channel() {
        return spec.name();
    }

    @Override
    public void check() {
        endpoint();
    }

    @Override
    public Delivery send(Alert alert) throws InterruptedException {
        Endpoint endpoint;
        try {
            endpoint = endpoint();
        } catch (BadInputException e) {
            return new Delivery.Retryable(e.getMessage());
        }
        return poster.post(spec.label(), endpoint, AlertJson.bytes(body(alert)));
    }

    private Endpoint endpoint() {
        return Endpoint.resolve(spec.label(), spec.url(), SecretHeaders.none(), List.of(), env);
    }

    static ObjectNode body(Alert alert) {
        ObjectNode body = AlertJson.JSON.createObjectNode();
        body.put("text", text(alert));
        return body;
    }

    /** One line; Slack's control characters escaped as its message formatting asks. */
    static String text(Alert alert) {
        String line = "[" + alert.severity() + "] " + alert.action().text() + ": " + alert.summary()
                + " (source " + alert.source() + ", id " + alert.id() + ")";
        return line.replaceAll("[\\r\\n\\t]+", " ")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
