package dev.hypercare.alert;

import static dev.hypercare.alert.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Severity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN §8: the outbox survives kill -9; every acknowledged alert is delivered, in order, at least once. */
class OutboxKillTest {

    @Test
    void everyAcknowledgedAlertIsDeliveredAfterKillNine(@TempDir Path dir) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            receiver.delay(15); // deliveries lag behind enqueues, so some are pending at the kill
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    OutboxWriterMain.class.getName(), dir.toString(), receiver.url("/hook"), "100000", "20000")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.matches("K-\\d+/opened")) { // a line cut by the kill is not counted
                            acknowledged.add(line);
                        }
                    }
                } catch (Exception e) {
                    // the pipe breaks when the child dies
                }
            });
            try {
                Eventually.until("60 alerts acknowledged by the child", Duration.ofSeconds(20),
                        () -> acknowledged.size() >= 60);
                assertThat(child.isAlive()).as("child still enqueueing when killed").isTrue();
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(30, TimeUnit.SECONDS);
            }
            reader.join(5000);
            List<String> acked = List.copyOf(acknowledged);
            int deliveredBeforeKill = receiver.acceptedIds().size();

            receiver.delay(0);
            try (AlertOutbox outbox = AlertOutbox.open(dir, List.of(webhook("hook", receiver.url("/hook"), Severity.P3)),
                    Map.of(), Clock.systemUTC(), OutboxDeliveryTest.fast())) {
                Eventually.until("nothing pending", Duration.ofSeconds(10), () -> outbox.status().pending() == 0);
            }

            List<String> accepted = receiver.acceptedIds();
            System.out.printf("kill -9: %d acknowledged, %d delivered before the kill, %d deliveries in all%n",
                    acked.size(), deliveredBeforeKill, accepted.size());
            assertThat(deliveredBeforeKill).as("some delivered before the kill").isPositive();
            assertThat(accepted).containsAll(acked);
            // in order: first deliveries follow enqueue order; at most the one in flight at the kill comes twice
            List<String> firsts = new ArrayList<>(new LinkedHashSet<>(accepted));
            assertThat(firsts).isSortedAccordingTo(Comparator.comparingInt(
                    id -> Integer.parseInt(id.substring(2, id.indexOf('/')))));
            assertThat(accepted.size() - Set.copyOf(accepted).size()).isLessThanOrEqualTo(1);
        }
    }
}
