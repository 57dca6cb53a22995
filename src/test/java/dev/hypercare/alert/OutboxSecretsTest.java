package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.pagerDuty;
import static dev.hypercare.alert.Fixtures.slack;
import static dev.hypercare.alert.Fixtures.trigger;
import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in URLs (from the environment and written inline), routing keys and header values never reach the
 * status, the log, exceptions or the journal, even when a receiver echoes the whole request back.
 */
class OutboxSecretsTest {
    private static final List<String> SECRETS = List.of(
            "T0KEN-in-path-5e3f", "q-T0KEN-in-query-81aa", "s3cret-header-9a1c", "R0UTING-key-77b2",
            "inline-T0KEN-4411");
    private static final Map<String, String> ENV = Map.of(
            "HOOK_TOKEN", SECRETS.get(0), "QUERY_TOKEN", SECRETS.get(1), "API_TOKEN", "Bearer " + SECRETS.get(2),
            "ROUTING_KEY", SECRETS.get(3));

    @TempDir
    Path dir;

    private final Receiver receiver = Receiver.start();
    private final List<AlertOutbox> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        opened.forEach(AlertOutbox::close);
        receiver.close();
    }

    @Test
    void noSecretInStatusLogExceptionsOrJournal() throws IOException {
        // every answer quotes the request: path, query, headers and body
        receiver.answer(503, 503, 503).otherwise(400).replyHeaders(Map.of("Retry-After", "0"))
                .replyBody(r -> "got " + r.path() + " " + r.headers() + " " + new String(r.body(), StandardCharsets.UTF_8));
        List<ChannelSpec> channels = List.of(
                webhook("hook", receiver.url("/hook/${HOOK_TOKEN}?token=${QUERY_TOKEN}"), Severity.P3,
                        Map.of("Authorization", "${API_TOKEN}")),
                pagerDuty("pager", receiver.url("/v2/enqueue"), "${ROUTING_KEY}", Severity.P3),
                slack("chat", receiver.url("/services/T01/B02/" + SECRETS.get(4)), Severity.P3));
        List<String> texts = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            AlertOutbox outbox = AlertOutbox.open(dir, channels, ENV, Clock.systemUTC(), OutboxDeliveryTest.fast());
            opened.add(outbox);
            outbox.enqueue(trigger("INC-1", Severity.P0));
            Eventually.until("all rejected", OutboxDeliveryTest.WAIT,
                    () -> outbox.status().channels().stream().allMatch(c -> c.rejected() == 1));
            outbox.close();

            OutboxStatus status = outbox.status();
            assertThat(status.channels()).allSatisfy(c -> assertThat(c.lastError()).isPresent());
            texts.add(status.toString());
            texts.addAll(log.lines());
            assertThat(log.all()).contains("not delivered yet", "rejected, recorded and not retried");
        }
        texts.add(channels.toString());
        texts.add(failureOf(() -> AlertOutbox.open(dir.resolve("bad"),
                List.of(slack("chat", "htp://hooks.example/" + SECRETS.get(4), Severity.P3)), ENV, Clock.systemUTC(),
                OutboxDeliveryTest.fast())));
        texts.add(failureOf(() -> AlertOutbox.open(dir.resolve("bad"),
                List.of(slack("chat", "http://hooks.example/a b/" + SECRETS.get(4), Severity.P3)), ENV, Clock.systemUTC(),
                OutboxDeliveryTest.fast())));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }

        assertThat(receiver.requests()).as("the receiver saw the secrets").anySatisfy(
                r -> assertThat(r.path()).contains(SECRETS.get(0)));
        assertThat(texts).hasSizeGreaterThan(5).allSatisfy(text -> {
            for (String secret : SECRETS) {
                assertThat(text).doesNotContain(secret);
            }
        });
    }

    private static String failureOf(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e.toString() + " " + e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
