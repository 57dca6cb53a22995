package dev.hypercare.alert;

import dev.hypercare.incident.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Run in a separate JVM by {@link OutboxKillTest}: enqueues alerts {@code K-0, K-1, ...} to one webhook
 * channel and prints each id only once {@code enqueue} has returned (it is fsynced). Bounded in count and
 * time so it ends even if nobody kills it.
 */
public final class OutboxWriterMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String url = args[1];
        int maxCount = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + Duration.ofMillis(Long.parseLong(args[3])).toNanos();
        try (AlertOutbox outbox = AlertOutbox.open(dir, List.of(Fixtures.webhook("hook", url, Severity.P3)), Map.of(),
                Clock.systemUTC(), OutboxDeliveryTest.fast())) {
            for (int i = 0; i < maxCount && System.nanoTime() < deadline; i++) {
                outbox.enqueue(Fixtures.trigger("K-" + i, Severity.P1));
                System.out.println("K-" + i + "/opened");
                System.out.flush();
                Thread.sleep(5);
            }
        }
    }
}
