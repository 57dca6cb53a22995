package dev.hypercare.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalKillTest {

    @Test
    void everyAcknowledgedEntrySurvivesKillNine(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWriterMain.class.getName(), dir.toString(), "2000000", "20000")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (parts.length == 2) { // a line cut by the kill has no index and is not counted
                        acknowledged.put(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
                    }
                }
            } catch (Exception e) {
                // the pipe breaks when the child dies
            }
        });
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acknowledged.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20); // JVM start-up
            }
            Thread.sleep(1500);
            assertThat(child.isAlive()).as("writer still writing when killed").isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL, mid-write
            child.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(5000);
        Map<Long, Integer> acked = Map.copyOf(acknowledged);
        assertThat(acked).isNotEmpty();

        try (Journal journal = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
            RecoveryReport report = journal.recovery();
            assertThat(report.problems()).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(p -> assertThat(p).isInstanceOf(JournalProblem.TornTail.class));
            List<JournalEntry> entries;
            try (Stream<JournalEntry> s = journal.readAll()) {
                entries = s.toList();
            }
            for (int i = 0; i < entries.size(); i++) {
                JournalEntry e = entries.get(i);
                assertThat(e.sequence()).isEqualTo(i + 1L); // in order, no gaps
                assertThat(e.payload()).isEqualTo(JournalWriterMain.payload(i));
            }
            System.out.printf("kill -9: %d acknowledged, %d entries on disk, recovery %s%n", acked.size(),
                    entries.size(), report.problems().stream().map(JournalProblem::describe).toList());
            long maxAcked = acked.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat((long) entries.size()).isGreaterThanOrEqualTo(maxAcked);
            acked.forEach((seq, index) -> {
                JournalEntry e = entries.get((int) (seq - 1));
                assertThat(e.sequence()).isEqualTo(seq);
                assertThat(e.payload()).isEqualTo(JournalWriterMain.payload(index));
            });

            // the tail is clean: appends continue after the last good record and read back
            long next = journal.appendDurably("state", Instant.now(), new byte[] {1, 2, 3});
            assertThat(next).isEqualTo(entries.size() + 1L);
            try (Stream<JournalEntry> s = journal.readAll()) {
                assertThat(s.toList().getLast().payload()).containsExactly(1, 2, 3);
            }
        }
    }
}
