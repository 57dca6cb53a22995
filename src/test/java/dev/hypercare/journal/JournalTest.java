package dev.hypercare.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOV_22);

    private Journal open() {
        return Journal.open(dir, JournalOptions.defaults(), clock);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JournalEntry> all(Journal j) {
        try (Stream<JournalEntry> s = j.readAll()) {
            return s.toList();
        }
    }

    @Test
    void roundTrip() {
        try (Journal j = open()) {
            assertThat(j.recovery().clean()).isTrue();
            long a = j.append("result", NOV_22, bytes("{\"ok\":true}"));
            long b = j.append("state", NOV_22.plusMillis(1), new byte[0]);
            long c = j.appendDurably("incident", NOV_22.plusMillis(2), bytes("héllo"));
            assertThat(List.of(a, b, c)).containsExactly(1L, 2L, 3L);
            assertThat(j.durableSequence()).isEqualTo(3);
            assertThat(all(j)).containsExactly(
                    new JournalEntry(1, NOV_22, "result", bytes("{\"ok\":true}")),
                    new JournalEntry(2, NOV_22.plusMillis(1), "state", new byte[0]),
                    new JournalEntry(3, NOV_22.plusMillis(2), "incident", bytes("héllo")));
        }
        assertThat(dir.resolve("journal-2026-11-22.log")).exists();
    }

    @Test
    void entriesAcrossMidnightGoToTwoSegmentsAndReadBackInOrder() {
        clock.set(Instant.parse("2026-11-22T23:59:50Z"));
        List<Long> written = new ArrayList<>();
        try (Journal j = open()) {
            for (int i = 0; i < 200; i++) { // 20 s of entries, 10 before midnight and 10 after
                written.add(j.append("result", clock.instant(), bytes("e" + i)));
                clock.advance(Duration.ofMillis(100));
            }
            assertThat(dir.resolve("journal-2026-11-22.log")).exists();
            assertThat(dir.resolve("journal-2026-11-23.log")).exists();
            List<JournalEntry> entries = all(j);
            assertThat(entries).extracting(JournalEntry::sequence).containsExactlyElementsOf(written);
            assertThat(entries).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8)).startsWith("e0", "e1")
                    .endsWith("e199");

            try (Stream<JournalEntry> s = j.read(Instant.parse("2026-11-22T23:59:59Z"),
                    Instant.parse("2026-11-23T00:00:01Z"))) {
                assertThat(s.map(JournalEntry::sequence).toList()).containsExactlyElementsOf(
                        written.subList(90, 110));
            }
            try (Stream<JournalEntry> s = j.read(Instant.parse("2026-11-23T00:00:00Z"), Instant.MAX)) {
                assertThat(s.count()).isEqualTo(100);
            }
        }
    }

    @Test
    void sequencesContinueAfterReopen() {
        try (Journal j = open()) {
            j.append("result", NOV_22, bytes("a"));
            j.append("result", NOV_22, bytes("b"));
        }
        try (Journal j = open()) {
            assertThat(j.recovery().lastSequence()).isEqualTo(2);
            assertThat(j.recovery().entries()).isEqualTo(2);
            assertThat(j.durableSequence()).isEqualTo(2);
            assertThat(j.append("result", NOV_22, bytes("c"))).isEqualTo(3);
            assertThat(all(j)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aTruncatedLastRecordIsDroppedReportedAndAppendsContinue() throws IOException {
        Path segment = writeThree();
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(size - 3);
        }
        assertTornTailDropsTheThirdRecord(segment, size, size - 3, "short record");
    }

    @Test
    void aFlippedByteInTheLastRecordIsDroppedReportedAndAppendsContinue() throws IOException {
        Path segment = writeThree();
        long size = Files.size(segment);
        flipByte(segment, size - 2);
        assertTornTailDropsTheThirdRecord(segment, size, size, "CRC mismatch");
    }

    @Test
    void garbageAfterTheLastRecordIsDropped() throws IOException {
        Path segment = writeThree();
        long size = Files.size(segment);
        Files.write(segment, new byte[] {(byte) 0xA1, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        try (Journal j = open()) {
            assertThat(j.recovery().problems()).singleElement().isInstanceOfSatisfying(JournalProblem.TornTail.class,
                    p -> {
                        assertThat(p.offset()).isEqualTo(size);
                        assertThat(p.droppedBytes()).isEqualTo(3);
                    });
            assertThat(all(j)).hasSize(3);
        }
    }

    private Path writeThree() {
        try (Journal j = open()) {
            j.append("result", NOV_22, bytes("first"));
            j.append("result", NOV_22, bytes("second"));
            j.append("result", NOV_22, bytes("third-and-last"));
        }
        return dir.resolve("journal-2026-11-22.log");
    }

    /** {@code written} is the size of the three good records, {@code damaged} the size as the crash left it. */
    private void assertTornTailDropsTheThirdRecord(Path segment, long written, long damaged, String reason)
            throws IOException {
        int third = RecordFormat.encode(3, NOV_22.toEpochMilli(), bytes("result"), bytes("third-and-last")).length;
        try (Journal j = open()) {
            JournalProblem p = j.recovery().problems().getFirst();
            assertThat(j.recovery().problems()).hasSize(1);
            assertThat(p).isInstanceOf(JournalProblem.TornTail.class);
            assertThat(Files.size(segment)).as("exactly the third record is gone").isEqualTo(written - third);
            assertThat(p.offset()).isEqualTo(written - third);
            assertThat(((JournalProblem.TornTail) p).droppedBytes()).isEqualTo(damaged - (written - third));
            assertThat(p.describe()).contains("journal-2026-11-22.log", reason, "dropped");
            assertThat(all(j)).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("first", "second");
            assertThat(j.append("result", NOV_22, bytes("after"))).isEqualTo(3);
        }
        try (Journal j = open()) {
            assertThat(j.recovery().clean()).isTrue();
            assertThat(all(j)).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("first", "second", "after");
        }
    }

    @Test
    void corruptionInTheMiddleOfAnOlderSegmentIsReportedAndReadingStopsThere() throws IOException {
        try (Journal j = open()) {
            for (int i = 0; i < 5; i++) {
                j.append("result", NOV_22, bytes("day1-" + i));
            }
            for (int i = 0; i < 3; i++) {
                j.append("result", NOV_22.plus(Duration.ofDays(1)), bytes("day2-" + i));
            }
        }
        Path older = dir.resolve("journal-2026-11-22.log");
        long size = Files.size(older);
        int record = (int) (size / 5);
        flipByte(older, 2L * record + RecordFormat.HEADER + 3); // inside the third record's body

        try (Journal j = open()) {
            assertThat(j.recovery().problems()).singleElement().isInstanceOfSatisfying(
                    JournalProblem.CorruptSegment.class, p -> {
                        assertThat(p.segment()).isEqualTo(older);
                        assertThat(p.offset()).isEqualTo(2L * record);
                        assertThat(p.unreadableBytes()).isEqualTo(3L * record);
                        assertThat(p.describe()).contains("CRC mismatch", "cannot be read");
                    });
            assertThat(Files.size(older)).as("an older segment is left as found").isEqualTo(size);
            assertThat(all(j)).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("day1-0", "day1-1", "day2-0", "day2-1", "day2-2");
            assertThat(j.append("result", NOV_22.plus(Duration.ofDays(1)), bytes("x"))).isEqualTo(9);
        }
    }

    @Test
    void retentionDeletesSegmentsOlderThanItOnOpenAndDaily() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        try (Journal j = open()) {
            for (int daysAgo : new int[] {40, 36, 35, 10, 0}) {
                j.append("result", now.minus(Duration.ofDays(daysAgo)), bytes("d" + daysAgo));
            }
        }
        assertThat(segmentDays()).containsExactly("2026-10-13", "2026-10-17", "2026-10-18", "2026-11-12",
                "2026-11-22");
        clock.set(now);
        try (Journal j = Journal.open(dir, JournalOptions.defaults().withRetention(Duration.ofDays(35)), clock)) {
            assertThat(j.recovery().expired()).extracting(p -> p.getFileName().toString())
                    .containsExactly("journal-2026-10-13.log", "journal-2026-10-17.log");
            assertThat(segmentDays()).containsExactly("2026-10-18", "2026-11-12", "2026-11-22");
            assertThat(all(j)).extracting(JournalEntry::sequence).containsExactly(3L, 4L, 5L);

            clock.advance(Duration.ofDays(2));
            assertThat(j.applyRetention()).extracting(p -> p.getFileName().toString())
                    .containsExactly("journal-2026-10-18.log");
            assertThat(j.append("result", clock.instant(), bytes("later"))).isEqualTo(6);
        }
    }

    private List<String> segmentDays() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("journal-2"))
                    .map(n -> n.substring(8, 18)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFlusherSyncsUnsyncedDataWithinTheInterval() throws InterruptedException {
        JournalOptions options = JournalOptions.defaults().withFsyncInterval(Duration.ofMillis(50));
        try (Journal j = Journal.open(dir, options, clock)) {
            long seq = j.append("result", NOV_22, bytes("a"));
            awaitDurable(j, seq);
        }
    }

    @Test
    void withALongIntervalDataStaysUnsyncedUntilSyncOrAFullBatch() throws InterruptedException {
        JournalOptions options = JournalOptions.defaults().withFsyncInterval(Duration.ofMinutes(1)).withMaxBatch(10);
        try (Journal j = Journal.open(dir, options, clock)) {
            for (int i = 0; i < 3; i++) {
                j.append("result", NOV_22, bytes("a"));
            }
            Thread.sleep(200);
            assertThat(j.durableSequence()).isZero();
            assertThat(j.sync()).isEqualTo(3);
            for (int i = 0; i < 10; i++) {
                j.append("result", NOV_22, bytes("b"));
            }
            awaitDurable(j, 13); // the full batch woke the flusher long before the minute
        }
    }

    @Test
    void anAcknowledgementArrivesOnlyOnceFsynced() {
        JournalOptions options = JournalOptions.defaults().withFsyncInterval(Duration.ofMinutes(1));
        try (Journal j = Journal.open(dir, options, clock)) {
            j.append("result", NOV_22, bytes("a"));
            CompletableFuture<Long> acked = j.appendAcknowledged("alert", NOV_22, bytes("b"));
            assertThat(acked.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo(2);
            assertThat(j.durableSequence()).isGreaterThanOrEqualTo(2); // and everything before it
            assertThat(j.whenDurable(1)).isCompletedWithValue(1L);
        }
    }

    private static void awaitDurable(Journal j, long seq) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (j.durableSequence() < seq && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(j.durableSequence()).isGreaterThanOrEqualTo(seq);
    }

    @Test
    void appendsFromManyThreadsGetDistinctSequencesInFileOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Journal j = open()) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                int n = i;
                results.add(pool.submit(() -> n % 10 == 0
                        ? j.appendDurably("result", NOV_22, bytes("t" + n))
                        : j.append("result", NOV_22, bytes("t" + n))));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<Long> f : results) {
                seqs.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(seqs).hasSize(4000);
            List<JournalEntry> entries = all(j);
            assertThat(entries).hasSize(4000);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).sequence()).isEqualTo(i + 1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (Journal j = open()) {
            assertThatThrownBy(this::open).isInstanceOf(BadInputException.class).hasMessageContaining("in use");
        }
        open().close(); // released on close
    }

    @Test
    void badOptionsAreOneLineBadInput() {
        assertThatThrownBy(() -> JournalOptions.defaults().withRetention(Duration.ofHours(1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("retention");
        assertThatThrownBy(() -> JournalOptions.defaults().withFsyncInterval(Duration.ZERO))
                .isInstanceOf(BadInputException.class).hasMessageContaining("fsync interval");
        assertThatThrownBy(() -> JournalOptions.defaults().withMaxBatch(0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("max batch");
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x40);
        }
    }
}
