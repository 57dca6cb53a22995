package dev.hypercare.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant ALL_FROM = Instant.MIN, ALL_TO = Instant.MAX;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOV_22);

    private Journal open() {
        return Journal.open(dir, JournalOptions.defaults(), clock);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(List<JournalEntry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    private List<JournalEntry> readAll() {
        return JournalReader.open(dir).read(ALL_FROM, ALL_TO, Set.of()).entries();
    }

    @Test
    void aMissingDirectoryOrAFileIsOneLineOfBadInput() throws IOException {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> JournalReader.open(missing)).isInstanceOf(BadInputException.class)
                .hasMessage("journal " + missing + ": expected a journal directory, found nothing there");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> JournalReader.open(file)).isInstanceOf(BadInputException.class)
                .hasMessage("journal " + file + ": expected a journal directory, found a file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anEmptyDirectoryHasNoEntries() {
        JournalReader reader = JournalReader.open(dir);
        assertThat(reader.days()).isEmpty();
        JournalReader.Read read = reader.read(ALL_FROM, ALL_TO, Set.of());
        assertThat(read.entries()).isEmpty();
        assertThat(read.report()).isEqualTo(new JournalReader.ReadReport(0, 0, 0, List.of(), 0));
    }

    @Test
    void readsTheSameEntriesAsTheJournalForEveryRangeAcrossMidnight() {
        clock.set(Instant.parse("2026-11-22T23:59:58Z"));
        try (Journal j = open()) {
            for (int i = 0; i < 40; i++) { // 4 s of entries, 2 s each side of midnight, kinds alternating
                j.append(i % 3 == 0 ? "state" : "result", clock.instant(), bytes("e" + i));
                clock.advance(Duration.ofMillis(100));
            }
            // appended after midnight with a time before it: it goes to the next day's segment
            j.append("result", Instant.parse("2026-11-22T23:59:59.950Z"), bytes("late"));
            JournalReader reader = JournalReader.open(dir);
            assertThat(reader.days()).extracting(Object::toString).containsExactly("2026-11-22", "2026-11-23");
            Instant[] bounds = {Instant.MIN, Instant.parse("2026-11-22T23:59:58Z"), Instant.parse("2026-11-22T23:59:59.9505Z"),
                    Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T00:00:01.5Z"), Instant.parse("2100-01-01T00:00:00Z")};
            for (Instant from : bounds) {
                for (Instant to : bounds) {
                    List<JournalEntry> expected;
                    try (Stream<JournalEntry> s = j.read(from, to)) {
                        expected = s.toList();
                    }
                    assertThat(reader.read(from, to, Set.of()).entries()).as("%s .. %s", from, to).isEqualTo(expected);
                }
            }
            List<JournalEntry> beforeMidnight = reader.read(Instant.parse("2026-11-22T00:00:00Z"),
                    Instant.parse("2026-11-23T00:00:00Z"), Set.of("result")).entries();
            assertThat(payloads(beforeMidnight)).hasSize(14).endsWith("late");
        }
    }

    @Test
    void scanSharesOneKindStringAndAViewOfThePayload() {
        try (Journal j = open()) {
            j.append("result", NOV_22, bytes("a"));
            j.append("result", NOV_22, bytes("bb"));
            j.append("incident", NOV_22, bytes("ccc"));
        }
        List<String> kinds = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        JournalReader.ReadReport report = JournalReader.open(dir).scan(ALL_FROM, ALL_TO, e -> {
            kinds.add(e.kind());
            sizes.add(e.payload().remaining());
        });
        assertThat(kinds).containsExactly("result", "result", "incident");
        assertThat(kinds.get(0)).isSameAs(kinds.get(1));
        assertThat(sizes).containsExactly(1, 2, 3);
        assertThat(report).isEqualTo(new JournalReader.ReadReport(1, 3, 3, List.of(), 0));
    }

    @Test
    void segmentsReadOneByOneOnSeveralReadersFindWhatOneReadFinds() throws Exception {
        try (Journal j = open()) {
            for (int day = 0; day < 4; day++) {
                for (int i = 0; i < 10_000; i++) { // more than a batch per segment
                    j.append(i % 1000 == 0 ? "incident" : "result", NOV_22.plus(Duration.ofDays(day)).plusMillis(i), bytes(day + "-" + i));
                }
            }
        }
        JournalReader reader = JournalReader.open(dir);
        Instant from = NOV_22.plus(Duration.ofDays(1)), to = NOV_22.plus(Duration.ofDays(3));
        List<JournalReader.Segment> segments = reader.segments(from, to);
        assertThat(segments).extracting(s -> s.day().toString(), JournalReader.Segment::last).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2026-11-23", false), org.assertj.core.groups.Tuple.tuple("2026-11-24", false),
                org.assertj.core.groups.Tuple.tuple("2026-11-25", true));
        List<JournalEntry> whole = reader.read(from, to, Set.of()).entries();
        List<JournalEntry> pieces = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<JournalEntry>>> parts = new ArrayList<>();
            for (JournalReader.Segment segment : segments.reversed()) {
                parts.add(pool.submit(() -> {
                    List<JournalEntry> got = new ArrayList<>();
                    JournalReader.open(dir).scanBatches(segment, from, to, b -> {
                        assertThat(b.size()).isBetween(1, 8192);
                        for (int i = 0; i < b.size(); i++) {
                            byte[] payload = new byte[b.payload(i).remaining()];
                            b.payload(i).get(payload);
                            got.add(new JournalEntry(b.sequence(i), Instant.ofEpochMilli(b.epochMillis(i)), b.kind(i), payload));
                        }
                    });
                    return got;
                }));
            }
            for (Future<List<JournalEntry>> part : parts.reversed()) {
                pieces.addAll(part.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(whole).hasSize(20_000);
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void recordsLargerThanTheReadBufferAreRead() {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        Arrays.fill(big, (byte) 'x');
        try (Journal j = open()) {
            for (int i = 0; i < 3; i++) {
                j.append("result", NOV_22, bytes("small-" + i));
                j.append("blob", NOV_22, big);
            }
        }
        List<JournalEntry> entries = readAll();
        assertThat(entries).hasSize(6);
        assertThat(entries.get(5).payload()).isEqualTo(big);
        assertThat(payloads(entries.subList(4, 5))).containsExactly("small-2");
    }

    @Test
    void aTornTailOfTheLastSegmentEndsTheReadQuietlyAndIsLeftOnDisk() throws IOException {
        try (Journal j = open()) {
            j.append("result", NOV_22, bytes("first"));
            j.append("result", NOV_22, bytes("second"));
        }
        Path segment = dir.resolve("journal-2026-11-22.log");
        byte[] third = RecordFormat.encode(3, NOV_22.toEpochMilli(), bytes("result"), bytes("third"));
        Files.write(segment, Arrays.copyOf(third, third.length - 2), StandardOpenOption.APPEND);
        long size = Files.size(segment);

        JournalReader.Read read = JournalReader.open(dir).read(ALL_FROM, ALL_TO, Set.of());
        assertThat(payloads(read.entries())).containsExactly("first", "second");
        assertThat(read.report().damage()).isEmpty();
        assertThat(read.report().unreadTailBytes()).isEqualTo(third.length - 2);
        assertThat(Files.size(segment)).as("a reader never truncates").isEqualTo(size);
    }

    @Test
    void damageInAnOlderSegmentIsReportedAndTheRestIsRead() throws IOException {
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
        try (RandomAccessFile f = new RandomAccessFile(older.toFile(), "rw")) {
            long at = 2L * record + RecordFormat.HEADER + 3; // inside the third record's body
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xFF);
        }
        JournalReader.Read read = JournalReader.open(dir).read(ALL_FROM, ALL_TO, Set.of());
        assertThat(payloads(read.entries())).containsExactly("day1-0", "day1-1", "day2-0", "day2-1", "day2-2");
        assertThat(read.report().damage()).singleElement().isInstanceOfSatisfying(JournalProblem.CorruptSegment.class, p -> {
            assertThat(p.segment()).isEqualTo(older);
            assertThat(p.offset()).isEqualTo(2L * record);
            assertThat(p.unreadableBytes()).isEqualTo(3L * record);
            assertThat(p.describe()).contains("CRC mismatch");
        });
        assertThat(read.report().unreadTailBytes()).isZero();
        // a read of the last day alone does not touch the damaged segment
        assertThat(JournalReader.open(dir).read(NOV_22.plus(Duration.ofDays(1)), ALL_TO, Set.of()).report().clean()).isTrue();
    }

    /**
     * A probe runner appends while a report reads: every read sees a gap-free prefix of what was appended
     * (never a half record, never a later entry without the earlier ones), and the final read sees all.
     */
    @Test
    void readsALiveJournalWhileItIsAppendedTo() throws Exception {
        int total = 20_000;
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch firstRead = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Journal j = Journal.open(dir, JournalOptions.defaults().withMaxBatch(64), clock)) {
            Future<?> writing = writer.submit(() -> {
                for (int i = 1; i <= total; i++) {
                    // payload sizes vary so record boundaries fall anywhere in a read
                    j.append("result", NOV_22.plusMillis(i), bytes("entry-" + i + "-" + "x".repeat(i % 97)));
                    if (i == 100) {
                        started.countDown();
                    }
                    if (i == total / 2) { // the second half is written while reads run, however busy the machine
                        await(firstRead);
                    }
                }
                done.set(true);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            long previous = 0;
            long firstSeen = -1;
            int reads = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!done.get() && System.nanoTime() < deadline && reads < 10_000) {
                long[] expected = {1};
                JournalReader.ReadReport report = JournalReader.open(dir).scan(ALL_FROM, ALL_TO, e -> {
                    assertThat(e.sequence()).isEqualTo(expected[0]);
                    String text = StandardCharsets.UTF_8.decode(e.payload()).toString();
                    assertThat(text).startsWith("entry-" + expected[0] + "-").hasSize(
                            ("entry-" + expected[0] + "-").length() + (int) (expected[0] % 97));
                    expected[0]++;
                });
                assertThat(report.damage()).isEmpty();
                assertThat(report.entries()).isGreaterThanOrEqualTo(previous);
                previous = report.entries();
                firstSeen = firstSeen < 0 ? previous : firstSeen;
                reads++;
                firstRead.countDown();
            }
            writing.get(30, TimeUnit.SECONDS);
            assertThat(reads).as("reads while the writer ran").isGreaterThan(0);
            assertThat(firstSeen).as("the first read saw part of the journal").isBetween(100L, (long) total / 2);
            JournalReader.ReadReport last = JournalReader.open(dir).scan(ALL_FROM, ALL_TO, e -> { });
            assertThat(last.entries()).isEqualTo(total);
            assertThat(last.unreadTailBytes()).isZero();
        } finally {
            writer.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
