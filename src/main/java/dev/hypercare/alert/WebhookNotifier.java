package dev.hypercare.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * A generic JSON webhook: POST the alert with the configured headers (their values are secrets, as is the
 * URL) and {@code Idempotency-Key: <alert id>}, so a receiver can drop the duplicates that at-least-once
 * delivery may bring. The body, {@code Content-Type: application/json}:
 * <pre>
 * {"version": 1,
 *  "id": "INC-20261122-003/opened",              unique per notification; equals Idempotency-Key
 *  "dedupKey": "hypercare/demo/INC-20261122-003", the same for every alert of one incident
 *  "action": "trigger",                           trigger | resolve
 *  "severity": "P1",                              P0 (most urgent) .. P3
 *  "summary": "checkout p95 above 500 ms",
 *  "source": "demo@eu-west",
 *  "time": "2026-11-22T10:00:00Z",                when it happened, ISO-8601 UTC
 *  "details": {"probe": "checkout", ...}}         strings, in order
 * </pre>
 * Any 2xx is success; 408, 429 and 5xx are retried (Retry-After honoured); other answers reject the alert.
 */
public final class WebhookNotifier implements Notifier {
    public static final int VERSION = 1;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ChannelSpec.Webhook spec;
    private final Map<String, String> env;
    private final HttpPoster poster;

    WebhookNotifier(ChannelSpec.Webhook spec, Map<String, String> env, HttpPoster poster) {
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
        return poster.post(spec.label(), endpoint.withHeader(IDEMPOTENCY_KEY, alert.id()),
                AlertJson.bytes(body(alert)));
    }

    private Endpoint endpoint() {
        return Endpoint.resolve(spec.label(), spec.url(), spec.headers(), List.of(), env);
    }

    static ObjectNode body(Alert alert) {
        ObjectNode body = AlertJson.JSON.createObjectNode();
        body.put("version", VERSION);
        body.setAll(AlertJson.encode(alert));
        return body;
    }
}
