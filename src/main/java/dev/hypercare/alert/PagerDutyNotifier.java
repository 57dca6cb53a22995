package dev.hypercare.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.BadInputException;
import dev.hypercare.incident.Severity;
import dev.hypercare.probe.SecretHeaders;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2 (POST to {@code https://events.pagerduty.com/v2/enqueue}, which answers 202).
 * A trigger carries a payload; a resolve only the routing key and the dedup key, which is the alert's stable
 * {@link Alert#dedupKey()}, so every trigger of an incident updates one PagerDuty alert and its resolve
 * closes it:
 * <pre>
 * {"routing_key": "...", "event_action": "trigger", "dedup_key": "hypercare/demo/INC-20261122-003",
 *  "client": "Hypercare",
 *  "payload": {"summary": "...", "source": "demo@eu-west", "severity": "error",
 *              "timestamp": "2026-11-22T10:00:00Z", "custom_details": {"alert_id": "...", ...}}}
 * </pre>
 * The routing key and the URL are secrets.
 */
public final class PagerDutyNotifier implements Notifier {
    /** PagerDuty cuts longer summaries; cutting here keeps the end visible as "...". */
    static final int MAX_SUMMARY_CHARS = 1024;

    private final ChannelSpec.PagerDuty spec;
    private final Map<String, String> env;
    private final HttpPoster poster;

    PagerDutyNotifier(ChannelSpec.PagerDuty spec, Map<String, String> env, HttpPoster poster) {
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
        routingKey();
        endpoint(List.of());
    }

    @Override
    public Delivery send(Alert alert) throws InterruptedException {
        Endpoint endpoint;
        String routingKey;
        try {
            routingKey = routingKey();
            endpoint = endpoint(List.of(routingKey));
        } catch (BadInputException e) {
            return new Delivery.Retryable(e.getMessage());
        }
        return poster.post(spec.label(), endpoint, AlertJson.bytes(body(alert, routingKey)));
    }

    private String routingKey() {
        try {
            return spec.routingKey().resolve(env);
        } catch (IllegalStateException e) {
            throw new BadInputException(spec.label() + ": routing key: " + e.getMessage());
        }
    }

    private Endpoint endpoint(List<String> secrets) {
        List<String> hidden = new java.util.ArrayList<>(secrets);
        spec.routingKey().variables().forEach(v -> hidden.add(env.get(v)));
        return Endpoint.resolve(spec.label(), spec.url(), SecretHeaders.none(), hidden, env);
    }

    static ObjectNode body(Alert alert, String routingKey) {
        ObjectNode body = AlertJson.JSON.createObjectNode();
        body.put("routing_key", routingKey);
        body.put("event_action", alert.action().text());
        body.put("dedup_key", alert.dedupKey());
        if (alert.action() == AlertAction.TRIGGER) {
            body.put("client", "Hypercare");
            ObjectNode payload = body.putObject("payload");
            payload.put("summary", summary(alert.summary()));
            payload.put("source", alert.source().isBlank() ? "hypercare" : alert.source());
            payload.put("severity", severity(alert.severity()));
            payload.put("timestamp", alert.time().toString());
            ObjectNode details = payload.putObject("custom_details");
            details.put("alert_id", alert.id());
            details.put("hypercare_severity", alert.severity().name());
            alert.details().forEach(details::put);
        }
        return body;
    }

    /** PagerDuty's four severities: P0 critical, P1 error, P2 warning, P3 info. */
    static String severity(Severity severity) {
        return switch (severity) {
            case P0 -> "critical";
            case P1 -> "error";
            case P2 -> "warning";
            case P3 -> "info";
        };
    }

    private static String summary(String text) {
        return text.length() <= MAX_SUMMARY_CHARS ? text : text.substring(0, MAX_SUMMARY_CHARS - 3) + "...";
    }
}
