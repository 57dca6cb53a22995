package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.escalated;
import static dev.hypercare.alert.Fixtures.pagerDuty;
import static dev.hypercare.alert.Fixtures.resolve;
import static dev.hypercare.alert.Fixtures.slack;
import static dev.hypercare.alert.Fixtures.trigger;
import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import dev.hypercare.incident.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a real receiver that refuses, fails, throttles and rejects. */
class OutboxDeliveryTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    final Receiver receiver = Receiver.start();
    final List<AlertOutbox> opened = new ArrayList<>();

    static OutboxOptions fast() {
        return OutboxOptions.defaults()
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withRetryAfterCap(Duration.ofMillis(300))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withCloseTimeout(Duration.ofSeconds(2));
    }

    AlertOutbox open(List<ChannelSpec> channels, OutboxOptions options) {
        AlertOutbox outbox = AlertOutbox.open(dir, channels, Map.of(), Clock.systemUTC(), options);
        opened.add(outbox);
        return outbox;
    }

    AlertOutbox openHook() {
        return open(List.of(webhook("hook", receiver.url("/hook"), Severity.P3)), fast());
    }

    static OutboxStatus.ChannelStatus channel(AlertOutbox outbox, String name) {
        return outbox.status().channel(name).orElseThrow();
    }

    @AfterEach
    void stop() {
        opened.forEach(AlertOutbox::close);
        receiver.close();
    }

    @Test
    void receiverDownThenUpGetsEachAlertExactlyOnceInOrder() {
        receiver.stop();
        AlertOutbox outbox = openHook();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Alert alert = trigger("INC-" + i, Severity.P1);
            outbox.enqueue(alert);
            ids.add(alert.id());
        }
        Eventually.until("failed attempts", WAIT, () -> channel(outbox, "hook").retrying() == 1);
        OutboxStatus.ChannelStatus down = channel(outbox, "hook");
        assertThat(down.pending()).isEqualTo(5);
        assertThat(down.delivered()).isZero();
        assertThat(down.lastError()).hasValueSatisfying(p -> assertThat(p.text())
                .isEqualTo("alert channel 'hook' (webhook): could not connect (refused or unreachable)"));

        receiver.restart();
        Eventually.until("all delivered", WAIT, () -> channel(outbox, "hook").delivered() == 5);

        assertThat(receiver.acceptedIds()).containsExactlyElementsOf(ids);
        assertThat(receiver.acceptedById()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        OutboxStatus.ChannelStatus up = channel(outbox, "hook");
        assertThat(up.pending()).isZero();
        assertThat(up.retrying()).isZero();
        assertThat(up.rejected()).isZero();
    }

    @Test
    void serviceUnavailableIsRetriedWithGrowingBackoffThenDeliveredOnce() {
        AlertOutbox outbox = open(List.of(webhook("hook", receiver.url("/hook"), Severity.P3)),
                fast().withBackoff(Duration.ofMillis(40), Duration.ofSeconds(1)));
        outbox.enqueue(trigger("WARM-UP", Severity.P1)); // the first exchange and log line of a JVM are slow
        Eventually.until("warmed up", WAIT, () -> channel(outbox, "hook").delivered() == 1);
        receiver.answer(503, 503, 503, 503);
        outbox.enqueue(trigger("INC-1", Severity.P1));

        Eventually.until("delivered", WAIT, () -> channel(outbox, "hook").delivered() == 2);

        List<Receiver.Request> attempts = receiver.requests().stream()
                .filter(r -> r.header("Idempotency-Key").equals("INC-1/opened")).toList();
        assertThat(attempts).extracting(Receiver.Request::answered).containsExactly(503, 503, 503, 503, 200);
        List<Long> gapsMillis = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gapsMillis.add(Duration.ofNanos(attempts.get(i).nanos() - attempts.get(i - 1).nanos()).toMillis());
        }
        // after the n-th failure the wait is at least half of 40 ms * 2^(n-1)
        assertThat(gapsMillis.get(0)).isGreaterThanOrEqualTo(20);
        assertThat(gapsMillis.get(1)).isGreaterThanOrEqualTo(40);
        assertThat(gapsMillis.get(2)).isGreaterThanOrEqualTo(80);
        assertThat(gapsMillis.get(3)).isGreaterThanOrEqualTo(160).isGreaterThan(gapsMillis.get(0));
        OutboxStatus.ChannelStatus status = channel(outbox, "hook");
        assertThat(status.retrying()).isZero();
        assertThat(status.lastError()).hasValueSatisfying(p -> assertThat(p.text()).startsWith(
                "alert channel 'hook' (webhook): HTTP 503"));
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() {
        receiver.answer(429).replyHeaders(Map.of("Retry-After", "1")); // 1 s, capped at 300 ms by fast()
        AlertOutbox outbox = openHook();
        outbox.enqueue(trigger("INC-1", Severity.P1));

        Eventually.until("delivered", WAIT, () -> channel(outbox, "hook").delivered() == 1);

        List<Receiver.Request> attempts = receiver.requests();
        assertThat(attempts).hasSize(2);
        Duration gap = Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos());
        assertThat(gap).isBetween(Duration.ofMillis(300), Duration.ofMillis(900)); // backoff alone: at most 20 ms
    }

    @Test
    void permanentRejectionIsRecordedLoggedOnceAndNotRetried() {
        receiver.answer(400).replyBody(r -> "invalid payload");
        try (LogCapture log = new LogCapture()) {
            AlertOutbox outbox = openHook();
            outbox.enqueue(trigger("INC-1", Severity.P1));
            outbox.enqueue(trigger("INC-2", Severity.P1));

            Eventually.until("both settled", WAIT, () -> channel(outbox, "hook").delivered() == 1
                    && channel(outbox, "hook").rejected() == 1);
            outbox.close();

            assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key") + " " + r.answered())
                    .containsExactly("INC-1/opened 400", "INC-2/opened 200");
            OutboxStatus.ChannelStatus status = channel(outbox, "hook");
            assertThat(status.pending()).isZero();
            assertThat(status.lastError()).hasValueSatisfying(p -> assertThat(p.text())
                    .isEqualTo("alert channel 'hook' (webhook): HTTP 400: invalid payload"));
            assertThat(log.lines()).filteredOn(l -> l.contains("INC-1/opened")).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("WARNING").contains("rejected, recorded and not retried")
                            .contains("HTTP 400: invalid payload"));
        }
        // the rejection is in the journal: not retried after a restart either
        AlertOutbox again = openHook();
        again.enqueue(trigger("INC-3", Severity.P1));
        Eventually.until("INC-3 delivered", WAIT, () -> channel(again, "hook").delivered() == 2);
        assertThat(receiver.requests()).hasSize(3);
        assertThat(channel(again, "hook").rejected()).isEqualTo(1);
        assertThat(channel(again, "hook").delivered()).isEqualTo(2);
    }

    @Test
    void eachChannelGetsTheSeveritiesItAdmitsInItsOwnShape() {
        receiver.otherwise(202);
        AlertOutbox outbox = open(List.of(
                pagerDuty("pager", receiver.url("/pd"), "inline-routing-key", Severity.P1),
                slack("chat", receiver.url("/chat"), Severity.P2),
                webhook("hook", receiver.url("/hook"), Severity.P3)), fast());
        outbox.enqueue(trigger("INC-1", Severity.P2));
        outbox.enqueue(trigger("INC-2", Severity.P0));
        outbox.enqueue(trigger("INC-3", Severity.P3));

        Eventually.until("all delivered", WAIT, () -> outbox.status().pending() == 0);

        assertThat(paths("/pd")).extracting(r -> r.json().at("/payload/custom_details/alert_id").asText())
                .containsExactly("INC-2/opened");
        assertThat(paths("/chat")).extracting(r -> r.json().get("text").asText())
                .satisfiesExactly(t -> assertThat(t).startsWith("[P2] trigger:").contains("INC-1/opened"),
                        t -> assertThat(t).startsWith("[P0] trigger:").contains("INC-2/opened"));
        assertThat(paths("/hook")).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("INC-1/opened", "INC-2/opened", "INC-3/opened");
        assertThat(outbox.status().channels()).extracting(OutboxStatus.ChannelStatus::delivered)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void resolveReachesEveryChannelThatGotATriggerOfTheIncidentEvenAcrossARestart() {
        receiver.otherwise(202);
        List<ChannelSpec> channels = List.of(pagerDuty("pager", receiver.url("/pd"), "inline-routing-key", Severity.P1));
        AlertOutbox first = open(channels, fast());
        first.enqueue(trigger("INC-4", Severity.P2));   // below the pager's minimum
        first.enqueue(escalated("INC-4", Severity.P1)); // now it pages
        Eventually.until("escalation delivered", WAIT, () -> channel(first, "pager").delivered() == 1);
        first.close();

        AlertOutbox second = open(channels, fast());
        second.enqueue(resolve("INC-4", Severity.P2)); // the runner may resolve at the opening severity
        Eventually.until("resolve delivered", WAIT, () -> channel(second, "pager").delivered() == 2);

        assertThat(paths("/pd")).extracting(r -> r.json().get("event_action").asText() + " " + r.json().get("dedup_key").asText())
                .containsExactly("trigger hypercare/demo/INC-4", "resolve hypercare/demo/INC-4");
    }

    @Test
    void anAlertNoChannelAdmitsIsKnownButSentNowhere() {
        AlertOutbox outbox = open(List.of(webhook("hook", receiver.url("/hook"), Severity.P1)), fast());
        outbox.enqueue(trigger("INC-1", Severity.P3));
        outbox.enqueue(trigger("INC-2", Severity.P1));
        Eventually.until("INC-2 delivered", WAIT, () -> channel(outbox, "hook").delivered() == 1);
        assertThat(receiver.acceptedIds()).containsExactly("INC-2/opened");
    }

    @Test
    void badChannelsAndBadAlertsAreRefusedWithOneLine() {
        assertThatThrownBy(() -> open(List.of(webhook("a", receiver.url("/"), Severity.P3),
                webhook("a", receiver.url("/"), Severity.P3)), fast()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alert channel 'a': expected unique names, found it twice");
        assertThatThrownBy(() -> open(List.of(webhook("a", "${NOT_SET}", Severity.P3)), fast()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alert channel 'a' (webhook): environment variable NOT_SET is not set");

        AlertOutbox outbox = openHook();
        Alert noId = new Alert(" ", "k", AlertAction.TRIGGER, Severity.P1, "s", "src", Fixtures.NOV_22, Map.of());
        assertThatThrownBy(() -> outbox.enqueue(noId)).isInstanceOf(IllegalArgumentException.class);
        outbox.close();
        assertThatThrownBy(() -> outbox.enqueue(trigger("INC-1", Severity.P1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("alert outbox is closed");
    }

    private List<Receiver.Request> paths(String path) {
        return receiver.accepted().stream().filter(r -> r.path().equals(path)).toList();
    }
}
