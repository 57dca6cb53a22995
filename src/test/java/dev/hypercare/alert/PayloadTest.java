package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.resolve;
import static dev.hypercare.alert.Fixtures.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.incident.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bodies each channel sends, built by pure functions. */
class PayloadTest {

    @Test
    void slackTextIsOneLineWithSeverityActionSummaryAndId() {
        Alert alert = new Alert("INC-7/opened", "k", AlertAction.TRIGGER, Severity.P1,
                "login <fails> & retries\nfor 5 min", "demo@eu", Instant.EPOCH, Map.of());
        ObjectNode body = SlackNotifier.body(alert);

        assertThat(body.fieldNames()).toIterable().containsExactly("text");
        assertThat(body.get("text").asText()).isEqualTo(
                "[P1] trigger: login &lt;fails&gt; &amp; retries for 5 min (source demo@eu, id INC-7/opened)");
    }

    @Test
    void pagerDutyTriggerCarriesPayloadAndResolveSharesTheDedupKey() {
        JsonNode trigger = PagerDutyNotifier.body(trigger("INC-3", Severity.P1), "R0UTING");
        JsonNode resolved = PagerDutyNotifier.body(resolve("INC-3", Severity.P1), "R0UTING");

        assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UTING");
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("hypercare/demo/INC-3");
        JsonNode payload = trigger.get("payload");
        assertThat(payload.get("summary").asText()).isEqualTo("checkout p95 above 500 ms");
        assertThat(payload.get("source").asText()).isEqualTo("demo@eu-west");
        assertThat(payload.get("severity").asText()).isEqualTo("error");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(payload.get("custom_details").get("alert_id").asText()).isEqualTo("INC-3/opened");
        assertThat(payload.get("custom_details").get("probe").asText()).isEqualTo("checkout");

        assertThat(resolved.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolved.get("dedup_key").asText()).isEqualTo(trigger.get("dedup_key").asText());
        assertThat(resolved.has("payload")).isFalse();
    }

    @Test
    void pagerDutySeverityMapsEachLevel() {
        assertThat(PagerDutyNotifier.body(trigger("I", Severity.P0), "k").at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(PagerDutyNotifier.body(trigger("I", Severity.P1), "k").at("/payload/severity").asText()).isEqualTo("error");
        assertThat(PagerDutyNotifier.body(trigger("I", Severity.P2), "k").at("/payload/severity").asText()).isEqualTo("warning");
        assertThat(PagerDutyNotifier.body(trigger("I", Severity.P3), "k").at("/payload/severity").asText()).isEqualTo("info");
    }

    @Test
    void pagerDutySummaryIsCutToItsLimit() {
        Alert long_ = new Alert("a", "k", AlertAction.TRIGGER, Severity.P2, "x".repeat(5000), "", Instant.EPOCH, Map.of());
        JsonNode payload = PagerDutyNotifier.body(long_, "k").get("payload");
        assertThat(payload.get("summary").asText()).hasSize(PagerDutyNotifier.MAX_SUMMARY_CHARS).endsWith("...");
        assertThat(payload.get("source").asText()).isEqualTo("hypercare"); // PagerDuty requires one
    }

    @Test
    void webhookBodyIsTheAlertAsDocumentedJson() {
        JsonNode body = WebhookNotifier.body(trigger("INC-9", Severity.P2));

        assertThat(body.fieldNames()).toIterable().containsExactly(
                "version", "id", "dedupKey", "action", "severity", "summary", "source", "time", "details");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("id").asText()).isEqualTo("INC-9/opened");
        assertThat(body.get("dedupKey").asText()).isEqualTo("hypercare/demo/INC-9");
        assertThat(body.get("action").asText()).isEqualTo("trigger");
        assertThat(body.get("severity").asText()).isEqualTo("P2");
        assertThat(body.get("time").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(body.get("details").get("probe").asText()).isEqualTo("checkout");
    }

    @Test
    void journalRecordsRoundTrip() {
        Alert alert = new Alert("INC-1/opened", "key", AlertAction.RESOLVE, Severity.P0, "s", "src",
                Instant.parse("2026-11-22T10:00:00.123Z"), Map.of("b", "2", "a", "1"));
        for (OutboxRecord record : new OutboxRecord[] {
                new OutboxRecord.Enqueued(alert, java.util.List.of("x", "y")),
                new OutboxRecord.Carried(alert, java.util.List.of()),
                new OutboxRecord.Delivered("INC-1/opened", "x", 202),
                new OutboxRecord.Rejected("INC-1/opened", "y", "HTTP 400")}) {
            assertThat(OutboxCodec.decode(record.kind(), OutboxCodec.encode(record))).isEqualTo(record);
        }
    }
}
