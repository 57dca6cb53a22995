package dev.hypercare.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a separate JVM by {@link JournalKillTest}: appends entries in a loop and prints "sequence index"
 * for each only once it is fsynced. Bounded in count and time so it ends even if nobody kills it.
 */
public final class JournalWriterMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int maxCount = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + Duration.ofMillis(Long.parseLong(args[2])).toNanos();
        JournalOptions options = JournalOptions.defaults().withFsyncInterval(Duration.ofMillis(20));
        try (Journal journal = Journal.open(dir, options, Clock.systemUTC())) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < maxCount && System.nanoTime() < deadline; i++) {
                int index = i;
                CompletableFuture<Long> acked = journal.appendAcknowledged("result", Clock.systemUTC().instant(),
                        payload(i));
                acked.thenAccept(seq -> print(seq + " " + index));
                if (i % 64 == 63) {
                    acked.join(); // keep the number in flight bounded
                }
            }
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Deterministic and of varying size, so a kill often lands inside a record. */
    static byte[] payload(int index) {
        String unit = "{\"probe\":\"p" + index + "\",\"ok\":true}";
        return unit.repeat(1 + index % 97).getBytes(StandardCharsets.UTF_8);
    }
}
