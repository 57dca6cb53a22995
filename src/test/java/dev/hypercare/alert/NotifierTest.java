package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.pagerDuty;
import static dev.hypercare.alert.Fixtures.resolve;
import static dev.hypercare.alert.Fixtures.slack;
import static dev.hypercare.alert.Fixtures.trigger;
import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import dev.hypercare.incident.Severity;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt per notifier against a real receiver on 127.0.0.1: what is sent and how answers are judged. */
class NotifierTest {
    private static final Map<String, String> ENV = Map.of(
            "HOOK_TOKEN", "T0KEN-in-the-url-5e3f", "API_TOKEN", "Bearer s3cret-header-9a1c",
            "ROUTING_KEY", "R0UTING-key-77b2");

    private final Receiver receiver = Receiver.start();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        receiver.close();
        client.shutdownNow();
    }

    private Notifier notifier(ChannelSpec spec) {
        return Notifier.forChannel(spec, ENV, client, Duration.ofSeconds(2), Clock.systemUTC());
    }

    private Notifier hook() {
        return notifier(webhook("ops-hook", receiver.url("/hook/${HOOK_TOKEN}"), Severity.P3,
                Map.of("Authorization", "${API_TOKEN}", "X-Team", "sre")));
    }

    @Test
    void webhookPostsTheAlertWithHeadersAndIdempotencyKey() throws Exception {
        receiver.otherwise(202);
        Delivery result = hook().send(trigger("INC-1", Severity.P1));

        assertThat(result).isEqualTo(new Delivery.Delivered(202));
        Receiver.Request request = receiver.requests().getFirst();
        assertThat(request.path()).isEqualTo("/hook/T0KEN-in-the-url-5e3f");
        assertThat(request.header("Idempotency-Key")).isEqualTo("INC-1/opened");
        assertThat(request.header("Authorization")).isEqualTo("Bearer s3cret-header-9a1c");
        assertThat(request.header("X-Team")).isEqualTo("sre");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.json().get("id").asText()).isEqualTo("INC-1/opened");
        assertThat(request.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void pagerDutySendsTheRoutingKeyFromTheEnvironment() throws Exception {
        receiver.otherwise(202);
        Notifier pd = notifier(pagerDuty("pager", receiver.url("/v2/enqueue"), "${ROUTING_KEY}", Severity.P1));

        assertThat(pd.send(trigger("INC-2", Severity.P0))).isInstanceOf(Delivery.Delivered.class);
        assertThat(pd.send(resolve("INC-2", Severity.P0))).isInstanceOf(Delivery.Delivered.class);

        assertThat(receiver.requests()).extracting(r -> r.json().get("routing_key").asText())
                .containsExactly("R0UTING-key-77b2", "R0UTING-key-77b2");
        assertThat(receiver.requests()).extracting(r -> r.json().get("event_action").asText())
                .containsExactly("trigger", "resolve");
        assertThat(receiver.requests()).extracting(r -> r.json().get("dedup_key").asText())
                .containsOnly("hypercare/demo/INC-2");
        assertThat(receiver.requests().getFirst().json().at("/payload/severity").asText()).isEqualTo("critical");
    }

    @Test
    void slackPostsText() throws Exception {
        Delivery result = notifier(slack("chat", receiver.url("/services/${HOOK_TOKEN}"), Severity.P3))
                .send(trigger("INC-3", Severity.P2));

        assertThat(result).isEqualTo(new Delivery.Delivered(200));
        assertThat(receiver.requests().getFirst().json().get("text").asText())
                .startsWith("[P2] trigger: checkout p95 above 500 ms").contains("INC-3/opened");
    }

    @Test
    void serverErrorsTimeoutsAndThrottlingAreRetryableWithRetryAfter() throws Exception {
        receiver.answer(503, 408, 429, 500).replyHeaders(Map.of("Retry-After", "7"));
        Notifier hook = hook();
        for (int status : new int[] {503, 408, 429, 500}) {
            Delivery result = hook.send(trigger("INC-4", Severity.P1));
            assertThat(result).isInstanceOfSatisfying(Delivery.Retryable.class, r -> {
                assertThat(r.reason()).startsWith("alert channel 'ops-hook' (webhook): HTTP " + status);
                assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
            });
        }
    }

    @Test
    void otherClientErrorsAreRejected() throws Exception {
        receiver.answer(400, 404, 401).replyBody(r -> "{\"error\":\"invalid event\"}");
        Notifier hook = hook();
        assertThat(hook.send(trigger("INC-5", Severity.P1))).isEqualTo(new Delivery.Rejected(
                "alert channel 'ops-hook' (webhook): HTTP 400: {\"error\":\"invalid event\"}"));
        assertThat(hook.send(trigger("INC-5", Severity.P1))).isInstanceOf(Delivery.Rejected.class);
        assertThat(hook.send(trigger("INC-5", Severity.P1))).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        receiver.answer(302).replyHeaders(Map.of("Location", receiver.url("/elsewhere")));
        Delivery result = hook().send(trigger("INC-6", Severity.P1));

        assertThat(result).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.reason()).contains("HTTP 302").contains("redirects are not followed"));
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        receiver.stop();
        Delivery result = hook().send(trigger("INC-7", Severity.P1));

        assertThat(result).isEqualTo(new Delivery.Retryable(
                "alert channel 'ops-hook' (webhook): could not connect (refused or unreachable)"));
    }

    @Test
    void slowReceiverTimesOutAsRetryable() throws Exception {
        receiver.delay(700);
        Notifier slow = Notifier.forChannel(webhook("slow", receiver.url("/hook"), Severity.P3), ENV, client,
                Duration.ofMillis(200), Clock.systemUTC());
        long start = System.nanoTime();
        Delivery result = slow.send(trigger("INC-8", Severity.P1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(650));
        assertThat(result).isInstanceOfSatisfying(Delivery.Retryable.class,
                r -> assertThat(r.reason()).isEqualTo("alert channel 'slow' (webhook): no answer within 200ms"));
    }

    @Test
    void anAnswerEchoingTheRequestHasItsSecretsRedacted() throws Exception {
        receiver.otherwise(400).replyBody(r -> "you sent " + r.path() + " with " + r.headers() + " and "
                + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        Delivery hookResult = hook().send(trigger("INC-9", Severity.P1));
        Delivery pdResult = notifier(pagerDuty("pager", receiver.url("/v2/enqueue?token=${HOOK_TOKEN}"),
                "${ROUTING_KEY}", Severity.P3)).send(trigger("INC-9", Severity.P1));

        for (Delivery d : new Delivery[] {hookResult, pdResult}) {
            assertThat(d).isInstanceOfSatisfying(Delivery.Rejected.class, r -> {
                assertThat(r.reason()).contains("HTTP 400: you sent").contains(Redactor.REDACTED)
                        .doesNotContain("T0KEN", "s3cret", "R0UTING").hasSizeLessThan(300);
            });
        }
    }

    @Test
    void checkNamesTheChannelAndTheProblemButNoValue() {
        assertThatThrownBy(() -> notifier(webhook("ops-hook", "${MISSING_URL}", Severity.P3)).check())
                .isInstanceOf(BadInputException.class)
                .hasMessage("alert channel 'ops-hook' (webhook): environment variable MISSING_URL is not set");
        assertThatThrownBy(() -> notifier(pagerDuty("pager", receiver.url("/"), "${NO_KEY}", Severity.P3)).check())
                .hasMessage("alert channel 'pager' (pagerduty): routing key: environment variable NO_KEY is not set");
        assertThatThrownBy(() -> notifier(slack("chat", "ftp://host/${HOOK_TOKEN}", Severity.P3)).check())
                .isInstanceOf(BadInputException.class)
                .hasMessage("alert channel 'chat' (slack): url: expected an absolute http or https URL with a host, found scheme 'ftp'");
        assertThatThrownBy(() -> notifier(slack("chat", "hooks.example/${HOOK_TOKEN}", Severity.P3)).check())
                .hasMessageNotContaining("T0KEN").hasMessageContaining("found no scheme");
        assertThatThrownBy(() -> notifier(webhook("ops-hook", receiver.url("/"), Severity.P3,
                Map.of("Host", "${API_TOKEN}"))).check())
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("alert channel 'ops-hook' (webhook): header 'Host': ")
                .hasMessageNotContaining("s3cret");
    }
}
