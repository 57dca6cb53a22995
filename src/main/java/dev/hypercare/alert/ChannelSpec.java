package dev.hypercare.alert;

import dev.hypercare.incident.Severity;
import dev.hypercare.probe.EnvTemplate;
import dev.hypercare.probe.SecretHeaders;

/**
 * One alert channel from the {@code alerts:} list of probes.yaml. URLs, routing keys and header values are
 * templates filled from the environment when sending, and secrets: they never appear in any output.
 * A channel receives the alerts of incidents at {@code minSeverity} or more urgent. {@code toString()} redacts
 * URLs and keys even as written, since a token may be written inline.
 */
public sealed interface ChannelSpec {
    String name();

    EnvTemplate url();

    Severity minSeverity();

    /** Whether alerts of {@code severity} go to this channel: those at {@code minSeverity} or more urgent. */
    default boolean admits(Severity severity) {
        return !minSeverity().moreUrgentThan(severity);
    }

    /** How messages name the channel: by name and kind, never by URL or key. */
    default String label() {
        return "alert channel '" + name() + "' (" + kind() + ")";
    }

    /** The kind as written in probes.yaml. */
    default String kind() {
        return switch (this) {
            case Slack s -> "slack";
            case PagerDuty p -> "pagerduty";
            case Webhook w -> "webhook";
        };
    }

    /** A Slack-compatible incoming webhook: POST {"text": ..., "blocks": ...}. */
    record Slack(String name, EnvTemplate url, Severity minSeverity) implements ChannelSpec {
        @Override
        public String toString() {
            return "Slack[name=" + name + ", url=<redacted>, minSeverity=" + minSeverity + "]";
        }
    }

    /** PagerDuty Events API v2: POST to .../v2/enqueue with routing_key, event_action and a stable dedup_key. */
    record PagerDuty(String name, EnvTemplate url, EnvTemplate routingKey, Severity minSeverity) implements ChannelSpec {
        @Override
        public String toString() {
            return "PagerDuty[name=" + name + ", url=<redacted>, routingKey=<redacted>, minSeverity=" + minSeverity + "]";
        }
    }

    /** A generic JSON webhook: POST the alert as JSON, with optional headers (e.g. a token). */
    record Webhook(String name, EnvTemplate url, SecretHeaders headers, Severity minSeverity) implements ChannelSpec {
        @Override
        public String toString() {
            return "Webhook[name=" + name + ", url=<redacted>, headers=" + headers + ", minSeverity=" + minSeverity + "]";
        }
    }
}
