package dev.hypercare.journal;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads a journal directory without opening it as a {@link Journal}: no lock is taken and nothing is
 * truncated or deleted, so reports can read a journal that a probe runner is appending to right now.
 *
 * <p>Reading follows the recovery rules of the format (see package-info): a segment is read up to its
 * first bad record. In the journal's last segment that is the record being written at this moment (or a
 * torn tail that the next {@link Journal#open} will truncate): reading stops there quietly and
 * {@link ReadReport#unreadTailBytes()} says how much was left. In an older segment it is damage, reported
 * as a {@link JournalProblem.CorruptSegment} in {@link ReadReport#damage()}; the records before it are read.
 *
 * <p>Time ranges: an entry lies in the segment of its own UTC day or, when it was appended after a later
 * entry had already started the next day's segment (a probe running across midnight, a clock stepped
 * back), in a later one. A read of {@code [from, to)} scans the segments from {@code from}'s day to the day
 * after {@code to}'s, so it finds every entry appended at most a day after its own day's segment began.
 *
 * <p>{@link #scan} is the fast path: records are parsed in place from a large buffer and handed to the
 * visitor as a reusable view, without copying the payload. Not thread-safe: several threads may read
 * the segments of one {@link #segments} listing with one reader each.
 */
public final class JournalReader {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_CACHED_KINDS = 64;

    private final Path dir;
    private final List<String> kinds = new ArrayList<>();
    private final List<byte[]> kindBytes = new ArrayList<>();
    private byte[] buf = new byte[INITIAL_BUFFER];

    private JournalReader(Path dir) {
        this.dir = dir;
    }

    /** A reader of the journal in {@code dir}; a missing or unreadable directory is one line of bad input. */
    public static JournalReader open(Path dir) {
        if (!Files.exists(dir)) {
            throw new BadInputException("journal " + dir + ": expected a journal directory, found nothing there");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("journal " + dir + ": expected a journal directory, found a file");
        }
        if (!Files.isReadable(dir)) {
            throw new BadInputException("journal " + dir + ": expected a readable directory, found no read permission");
        }
        return new JournalReader(dir);
    }

    public Path directory() {
        return dir;
    }

    /** The UTC days that have a segment, oldest first; empty for an empty journal. */
    public List<LocalDate> days() {
        return segments().stream().map(SegmentName::day).toList();
    }

    /** One entry as {@link #scan} shows it. Valid only during the visit: copy what you keep. */
    public static final class Entry {
        private long sequence;
        private long epochMillis;
        private String kind;
        private ByteBuffer payload;

        private Entry() {}

        public long sequence() {
            return sequence;
        }

        public long epochMillis() {
            return epochMillis;
        }

        public Instant time() {
            return Instant.ofEpochMilli(epochMillis);
        }

        /** The kind; the same String instance for every entry of a kind, so comparisons are cheap. */
        public String kind() {
            return kind;
        }

        /** The payload from position to limit; a view of the reader's buffer: do not keep or modify it. */
        public ByteBuffer payload() {
            return payload;
        }

        /** A copy that may be kept. */
        public JournalEntry copy() {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(payload.position(), bytes);
            return new JournalEntry(sequence, time(), kind, bytes);
        }
    }

    /** Receives the entries of a {@link #scan}, in file order (sequence order, except across a rewritten day). */
    @FunctionalInterface
    public interface Visitor {
        void visit(Entry entry);
    }

    /**
     * Consecutive entries of one segment, parsed in place in the reader's buffer: valid only during the
     * visit. A batch per buffer-full keeps the frame parser apart from what callers do with entries, so
     * the JIT compiles each loop on its own (a rare branch in a caller's loop does not make the parser
     * compile again).
     */
    public static final class Batch {
        private static final int CAPACITY = 8192;
        private final long[] sequences = new long[CAPACITY];
        private final long[] times = new long[CAPACITY];
        private final String[] kinds = new String[CAPACITY];
        private final int[] starts = new int[CAPACITY];
        private final int[] ends = new int[CAPACITY];
        private ByteBuffer view;
        private int size;

        private Batch() {}

        public int size() {
            return size;
        }

        public long sequence(int i) {
            return sequences[i];
        }

        public long epochMillis(int i) {
            return times[i];
        }

        /** The kind of entry {@code i}; one String instance per kind. */
        public String kind(int i) {
            return kinds[i];
        }

        /** The payload of entry {@code i}, as a view valid until the next call of this method. */
        public ByteBuffer payload(int i) {
            view.limit(ends[i]).position(starts[i]);
            return view;
        }

        private boolean full() {
            return size == CAPACITY;
        }

        private void add(long sequence, long millis, String kind, int start, int end) {
            sequences[size] = sequence;
            times[size] = millis;
            kinds[size] = kind;
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }

    /** Receives the entries of a scan a batch at a time. */
    @FunctionalInterface
    public interface BatchVisitor {
        void visit(Batch batch);
    }

    /**
     * What a read found besides its entries: the segments read, the good records in them, the entries in
     * the range, damage in segments before the journal's last one, and the bytes after the last good record
     * of the journal's last segment (a record being written, or a torn tail); 0 when it ends cleanly.
     */
    public record ReadReport(int segments, long records, long entries, List<JournalProblem> damage, long unreadTailBytes) {
        public static final ReadReport EMPTY = new ReadReport(0, 0, 0, List.of(), 0);

        public ReadReport {
            damage = List.copyOf(damage);
        }

        /** Both reads together (of different segments). */
        public ReadReport plus(ReadReport other) {
            List<JournalProblem> all = new ArrayList<>(damage);
            all.addAll(other.damage);
            return new ReadReport(segments + other.segments, records + other.records, entries + other.entries, all,
                    unreadTailBytes + other.unreadTailBytes);
        }

        public boolean clean() {
            return damage.isEmpty();
        }
    }

    /** Entries kept by {@link #read}, with what the read found. */
    public record Read(List<JournalEntry> entries, ReadReport report) {
        public Read {
            entries = List.copyOf(entries);
        }
    }

    /** Copies of the entries of the given kinds (all kinds when empty) with {@code from <= time < to}. */
    public Read read(Instant from, Instant to, Set<String> kinds) {
        List<JournalEntry> kept = new ArrayList<>();
        ReadReport report = scan(from, to, e -> {
            if (kinds.isEmpty() || kinds.contains(e.kind())) {
                kept.add(e.copy());
            }
        });
        return new Read(kept, report);
    }

    /** Hands every entry with {@code from <= time < to} to {@code visitor}, segment by segment. */
    public ReadReport scan(Instant from, Instant to, Visitor visitor) {
        ReadReport report = ReadReport.EMPTY;
        for (Segment segment : segments(from, to)) {
            report = report.plus(scan(segment, from, to, visitor));
        }
        return report;
    }

    /**
     * A segment a read visits: its UTC day, and whether it was the journal's last when listed (the one a
     * runner may be appending to, whose bad tail is not damage).
     */
    public record Segment(LocalDate day, boolean last) {}

    /**
     * The segments a read of {@code [from, to)} visits, oldest first, as the directory is now. Reading them
     * one by one with {@link #scan(Segment, Instant, Instant, Visitor)}, in any order or on several readers
     * at once, finds what {@link #scan(Instant, Instant, Visitor)} finds.
     */
    public List<Segment> segments(Instant from, Instant to) {
        long fromMillis = ceilMillis(from);
        long toMillis = ceilMillis(to);
        List<SegmentName> all = segments();
        if (all.isEmpty() || fromMillis >= toMillis) {
            return List.of();
        }
        SegmentName last = all.getLast();
        LocalDate firstDay = fromMillis == Long.MIN_VALUE ? LocalDate.MIN : day(fromMillis);
        LocalDate lastDay = toMillis == Long.MAX_VALUE ? LocalDate.MAX : day(toMillis - 1).plusDays(1);
        return all.stream()
                .filter(s -> !s.day().isBefore(firstDay) && !s.day().isAfter(lastDay))
                .map(s -> new Segment(s.day(), s.equals(last)))
                .toList();
    }

    /** Hands the entries of one segment with {@code from <= time < to} to {@code visitor}. */
    public ReadReport scan(Segment segment, Instant from, Instant to, Visitor visitor) {
        Entry entry = new Entry();
        return scanBatches(segment, from, to, batch -> {
            for (int i = 0; i < batch.size(); i++) {
                entry.sequence = batch.sequence(i);
                entry.epochMillis = batch.epochMillis(i);
                entry.kind = batch.kind(i);
                entry.payload = batch.payload(i);
                visitor.visit(entry);
            }
        });
    }

    /** The fast path: hands the entries of one segment with {@code from <= time < to} to {@code visitor} a batch at a time. */
    public ReadReport scanBatches(Segment segment, Instant from, Instant to, BatchVisitor visitor) {
        Scan scan = new Scan(ceilMillis(from), ceilMillis(to), visitor);
        scan.segment(new SegmentName(segment.day()).in(dir), segment.last());
        return new ReadReport(scan.segments, scan.records, scan.entries, scan.damage, scan.unreadTail);
    }

    private List<SegmentName> segments() {
        TreeSet<SegmentName> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> SegmentName.parse(p).ifPresent(found::add));
        } catch (NoSuchFileException e) {
            throw new BadInputException("journal " + dir + ": expected a journal directory, found nothing there");
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot list segments", e);
        }
        return List.copyOf(found);
    }

    /** One pass over segments; the counters of the whole read. */
    private final class Scan {
        private final long fromMillis;
        private final long toMillis;
        private final BatchVisitor visitor;
        private final Batch batch = new Batch();
        private final CRC32C crc = new CRC32C();
        private final List<JournalProblem> damage = new ArrayList<>();
        private int segments;
        private long records;
        private long entries;
        private long unreadTail;

        // the current segment: buf[pos, end) holds the file's bytes from offset (fileOffset + pos)
        private FileChannel channel;
        private long fileOffset;
        private int pos;
        private int end;
        private boolean eof;

        Scan(long fromMillis, long toMillis, BatchVisitor visitor) {
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
            this.visitor = visitor;
        }

        void segment(Path file, boolean lastOfJournal) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                segments++;
                channel = ch;
                fileOffset = 0;
                pos = 0;
                end = 0;
                eof = false;
                String bad = records();
                flush();
                if (bad != null) {
                    long offset = fileOffset + pos;
                    long size = Math.max(ch.size(), offset);
                    if (lastOfJournal) {
                        unreadTail = size - offset;
                    } else {
                        damage.add(new JournalProblem.CorruptSegment(file, offset, size - offset, bad));
                    }
                }
            } catch (NoSuchFileException e) {
                // deleted by retention since the listing: nothing of it is in range any more
            } catch (IOException e) {
                throw new UncheckedIOException("journal " + file + ": cannot read", e);
            } finally {
                channel = null;
            }
        }

        /**
         * Reads records to the end of the segment; null at a clean end, else why reading stopped. Entries
         * go to the batch, which is handed over before the buffer is refilled (refilling moves bytes).
         */
        private String records() throws IOException {
            while (true) {
                if (end - pos < RecordFormat.HEADER && !refill(RecordFormat.HEADER)) {
                    int have = end - pos;
                    return have == 0 ? null : "short header (" + have + " of " + RecordFormat.HEADER + " bytes)";
                }
                int magic = buf[pos] & 0xFF;
                if ((byte) magic != RecordFormat.MAGIC_V1) {
                    return String.format("unknown magic/version byte 0x%02x", magic);
                }
                int length = intAt(pos + 1);
                int expectedCrc = intAt(pos + 5);
                if (length < RecordFormat.MIN_BODY || length > RecordFormat.MAX_BODY) {
                    return "bad length " + length;
                }
                if (end - pos < RecordFormat.HEADER + length && !refill(RecordFormat.HEADER + length)) {
                    return "short record (" + (end - pos - RecordFormat.HEADER) + " of " + length + " body bytes)";
                }
                int body = pos + RecordFormat.HEADER;
                crc.reset();
                crc.update(buf, body, length);
                if ((int) crc.getValue() != expectedCrc) {
                    return "CRC mismatch";
                }
                int kindLength = buf[body + 16] & 0xFF;
                int kindStart = body + 17;
                if (kindLength == 0 || kindLength > length - 17) {
                    return "bad kind length " + kindLength;
                }
                records++;
                long millis = longAt(body + 8);
                if (millis >= fromMillis && millis < toMillis) {
                    batch.add(longAt(body), millis, kind(kindStart, kindLength), kindStart + kindLength, body + length);
                    entries++;
                    if (batch.full()) {
                        flush();
                    }
                }
                pos += RecordFormat.HEADER + length;
            }
        }

        /** Hands the batch over, then makes {@code need} bytes available; false if the segment ends first. */
        private boolean refill(int need) throws IOException {
            flush();
            return fill(need);
        }

        private void flush() {
            if (batch.size > 0) {
                if (batch.view == null || batch.view.array() != buf) {
                    batch.view = ByteBuffer.wrap(buf);
                }
                visitor.visit(batch);
                batch.size = 0;
            }
        }

        /** Makes at least {@code need} bytes available from pos; false if the segment ends first. */
        private boolean fill(int need) throws IOException {
            if (end - pos >= need) {
                return true;
            }
            if (need > buf.length - pos) {
                // move the partial record to the front (growing the buffer for a large one)
                byte[] target = need > buf.length ? new byte[Math.max(need, buf.length * 2)] : buf;
                System.arraycopy(buf, pos, target, 0, end - pos);
                fileOffset += pos;
                end -= pos;
                pos = 0;
                buf = target;
            }
            while (end - pos < need && !eof) {
                int n = channel.read(ByteBuffer.wrap(buf, end, buf.length - end));
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
            return end - pos >= need;
        }

        private int intAt(int i) {
            return (buf[i] & 0xFF) << 24 | (buf[i + 1] & 0xFF) << 16 | (buf[i + 2] & 0xFF) << 8 | (buf[i + 3] & 0xFF);
        }

        private long longAt(int i) {
            return (long) intAt(i) << 32 | (intAt(i + 4) & 0xFFFFFFFFL);
        }
    }

    /** The kind's String, shared across entries: kinds are a handful of words, compared byte by byte. */
    private String kind(int start, int length) {
        for (int i = 0; i < kindBytes.size(); i++) {
            byte[] k = kindBytes.get(i);
            if (k.length == length && sameBytes(k, start)) {
                return kinds.get(i);
            }
        }
        String kind = new String(buf, start, length, StandardCharsets.UTF_8);
        if (kinds.size() < MAX_CACHED_KINDS) {
            kinds.add(kind);
            kindBytes.add(Arrays.copyOfRange(buf, start, start + length));
        }
        return kind;
    }

    private boolean sameBytes(byte[] k, int start) {
        for (int j = 0; j < k.length; j++) {
            if (k[j] != buf[start + j]) {
                return false;
            }
        }
        return true;
    }

    /** Entry times are whole milliseconds, so {@code time >= t} is {@code millis >= ceil(t)}; saturates. */
    private static long ceilMillis(Instant t) {
        try {
            long floor = t.toEpochMilli();
            return t.getNano() % 1_000_000 == 0 ? floor : floor + 1;
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
