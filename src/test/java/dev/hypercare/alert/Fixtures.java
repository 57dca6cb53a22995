package dev.hypercare.alert;

import dev.hypercare.incident.Severity;
import dev.hypercare.probe.EnvTemplate;
import dev.hypercare.probe.SecretHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts and channels for the tests. */
final class Fixtures {
    static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");

    private Fixtures() {}

    static Alert trigger(String incident, Severity severity) {
        return new Alert(incident + "/opened", "hypercare/demo/" + incident, AlertAction.TRIGGER, severity,
                "checkout p95 above 500 ms", "demo@eu-west", NOV_22, Map.of("probe", "checkout"));
    }

    static Alert escalated(String incident, Severity severity) {
        return new Alert(incident + "/escalated", "hypercare/demo/" + incident, AlertAction.TRIGGER, severity,
                "checkout still failing", "demo@eu-west", NOV_22.plusSeconds(600), Map.of("probe", "checkout"));
    }

    static Alert resolve(String incident, Severity severity) {
        return new Alert(incident + "/resolved", "hypercare/demo/" + incident, AlertAction.RESOLVE, severity,
                "checkout healthy again", "demo@eu-west", NOV_22.plusSeconds(1200), Map.of("probe", "checkout"));
    }

    static EnvTemplate template(String text) {
        return EnvTemplate.parse(text).orElseThrow();
    }

    static ChannelSpec.Webhook webhook(String name, String url, Severity min) {
        return new ChannelSpec.Webhook(name, template(url), SecretHeaders.none(), min);
    }

    static ChannelSpec.Webhook webhook(String name, String url, Severity min, Map<String, String> headers) {
        Map<String, EnvTemplate> templates = new LinkedHashMap<>();
        headers.forEach((k, v) -> templates.put(k, template(v)));
        return new ChannelSpec.Webhook(name, template(url), SecretHeaders.of(templates), min);
    }

    static ChannelSpec.Slack slack(String name, String url, Severity min) {
        return new ChannelSpec.Slack(name, template(url), min);
    }

    static ChannelSpec.PagerDuty pagerDuty(String name, String url, String routingKey, Severity min) {
        return new ChannelSpec.PagerDuty(name, template(url), template(routingKey), min);
    }
}
