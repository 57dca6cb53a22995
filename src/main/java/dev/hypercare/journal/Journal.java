package dev.hypercare.journal;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An append-only, durable log of opaque entries, one segment file per UTC day (format in package-info).
 *
 * <p>Durability: {@link #append} returns once the record is in the OS buffer (it survives the process
 * dying, not the machine). An entry is <em>acknowledged</em> once fsynced: {@link #durableSequence()} is the
 * highest such sequence and every entry at or below it is durable; {@link #appendAcknowledged} and
 * {@link #whenDurable} give a future for that moment, {@link #appendDurably} blocks for it. A background
 * flusher fsyncs at least once per fsync interval while there is unsynced data.
 *
 * <p>Thread-safe. Only one open Journal per directory (a lock file guards it across processes).
 */
public final class Journal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final String LOCK_FILE = "journal.lock";

    private final Path dir;
    private final JournalOptions options;
    private final Clock clock;
    private final RandomAccessFile lockFile;
    private final FileLock dirLock;
    private final RecoveryReport recovery;
    private final DurableMark durable;
    private final Flusher flusher;

    /** Guards appends: the sequence counter and which segment is current. Taken before {@link #syncLock}. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Serialises fsyncs and the closing of a segment, so a sync never sees a half-closed file. */
    private final ReentrantLock syncLock = new ReentrantLock();
    private Optional<SegmentWriter> current;
    private long lastSequence;
    private boolean closed;
    private volatile IOException failure;
    private LocalDate lastRetentionDay;

    private Journal(Path dir, JournalOptions options, Clock clock, RandomAccessFile lockFile, FileLock dirLock,
            RecoveryReport recovery, Optional<SegmentWriter> current) {
        this.dir = dir;
        this.options = options;
        this.clock = clock;
        this.lockFile = lockFile;
        this.dirLock = dirLock;
        this.recovery = recovery;
        this.current = current;
        this.lastSequence = recovery.lastSequence();
        this.durable = new DurableMark(recovery.lastSequence());
        this.lastRetentionDay = today(clock);
        this.flusher = new Flusher("journal-flusher " + dir.getFileName(), options.fsyncInterval(), this::background);
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}: deletes expired segments, scans the rest,
     * truncates a torn tail of the last one and reports damage, then starts the flusher.
     */
    public static Journal open(Path dir, JournalOptions options, Clock clock) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("journal directory " + dir + " is a file, expected a directory");
        }
        RandomAccessFile lockFile = null;
        try {
            Files.createDirectories(dir);
            lockFile = new RandomAccessFile(dir.resolve(LOCK_FILE).toFile(), "rw");
            FileLock lock = tryLock(lockFile.getChannel());
            if (lock == null) {
                throw new BadInputException("journal " + dir + " is in use by another process");
            }
            List<Path> expired = deleteExpired(dir, clock, options, Optional.empty());
            RecoveryReport report = recover(dir, expired);
            report.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p.describe()));
            Optional<SegmentWriter> writer = Optional.empty();
            List<SegmentName> segments = List.copyOf(segments(dir).keySet());
            if (!segments.isEmpty()) {
                writer = Optional.of(SegmentWriter.open(dir, segments.getLast().day()));
            }
            Journal journal = new Journal(dir, options, clock, lockFile, lock, report, writer);
            journal.flusher.start();
            return journal;
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new BadInputException("journal " + dir + ": cannot open (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another Journal in this JVM
        }
    }

    /** What open found: damage (torn tail truncated, older segments cut short) and expired segments. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** Appends with the clock's time. See {@link #append(String, Instant, byte[])}. */
    public long append(String kind, byte[] payload) {
        return append(kind, clock.instant(), payload);
    }

    /**
     * Writes the entry into the OS buffer and returns its sequence; it is durable once
     * {@link #durableSequence()} reaches it. The segment is the UTC day of {@code time}, except that an
     * entry never goes back to an earlier day's segment (a clock stepping back): files stay in sequence
     * order.
     */
    public long append(String kind, Instant time, byte[] payload) {
        byte[] kindBytes = RecordFormat.kindBytes(kind);
        long millis = time.toEpochMilli();
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        long sequence;
        writeLock.lock();
        try {
            ensureUsable();
            SegmentWriter writer = writerFor(day);
            sequence = lastSequence + 1;
            writer.write(RecordFormat.encode(sequence, millis, kindBytes, payload));
            lastSequence = sequence;
        } catch (IOException e) {
            throw failed(e);
        } finally {
            writeLock.unlock();
        }
        if (sequence - durable.get() >= options.maxBatch()) {
            flusher.nudge();
        }
        return sequence;
    }

    /** Appends and returns a future that completes with the sequence once the entry is fsynced. */
    public CompletableFuture<Long> appendAcknowledged(String kind, Instant time, byte[] payload) {
        return whenDurable(append(kind, time, payload));
    }

    /** Appends and blocks until the entry is fsynced (shares the fsync with concurrent appenders). */
    public long appendDurably(String kind, Instant time, byte[] payload) {
        try {
            return appendAcknowledged(kind, time, payload).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }

    /** Completes with {@code sequence} once it is durable; wakes the flusher rather than waiting an interval. */
    public CompletableFuture<Long> whenDurable(long sequence) {
        CompletableFuture<Long> f = durable.when(sequence);
        if (!f.isDone()) {
            flusher.nudge();
        }
        return f;
    }

    /** Highest fsynced sequence: every entry at or below it survives a crash of the machine. */
    public long durableSequence() {
        return durable.get();
    }

    /** Highest sequence appended (in the OS buffer, perhaps not yet durable); 0 when empty. */
    public long lastSequence() {
        writeLock.lock();
        try {
            return lastSequence;
        } finally {
            writeLock.unlock();
        }
    }

    /** Fsyncs everything appended so far and returns the durable sequence. */
    public long sync() {
        Optional<SegmentWriter> writer;
        long upTo;
        writeLock.lock();
        try {
            ensureUsable();
            writer = current;
            upTo = lastSequence;
        } finally {
            writeLock.unlock();
        }
        if (upTo > durable.get()) {
            syncLock.lock();
            try {
                // a writer closed meanwhile was synced by whoever closed it (day switch or close)
                if (upTo > durable.get() && writer.isPresent() && writer.get().isOpen()) {
                    writer.get().force();
                }
            } catch (IOException e) {
                throw failed(e);
            } finally {
                syncLock.unlock();
            }
            durable.advanceTo(upTo);
        }
        return durable.get();
    }

    /** Reads entries with {@code from <= time < to}, in sequence order. Close the stream (try-with-resources). */
    public Stream<JournalEntry> read(Instant from, Instant to) {
        // Instant.MIN has no LocalDate; any day before the epoch means "from the first segment"
        LocalDate first = from.isBefore(Instant.EPOCH) ? LocalDate.MIN : LocalDate.ofInstant(from, ZoneOffset.UTC);
        // no upper bound on days: an entry written while the clock stepped back sits in a later segment
        return stream(day -> !day.isBefore(first), e -> !e.time().isBefore(from) && e.time().isBefore(to));
    }

    /** All entries, in sequence order. Close the stream. */
    public Stream<JournalEntry> readAll() {
        return stream(day -> true, e -> true);
    }

    private Stream<JournalEntry> stream(Predicate<LocalDate> days, Predicate<JournalEntry> wanted) {
        List<Path> files;
        try {
            files = segments(dir).keySet().stream().filter(s -> days.test(s.day())).map(s -> s.in(dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EntryCursor cursor = new EntryCursor(files, wanted);
        Spliterator<JournalEntry> split = Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(cursor::close);
    }

    /** Deletes segments whose whole day is older than the retention; the flusher also runs it daily. */
    public List<Path> applyRetention() {
        writeLock.lock();
        try {
            ensureUsable();
            return deleteExpired(dir, clock, options, current.map(SegmentWriter::day));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Syncs, stops the flusher and releases the directory. Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            writeLock.unlock();
        }
        flusher.close();
        IOException problem = null;
        syncLock.lock();
        try {
            if (current.isPresent() && failure == null) {
                current.get().force();
                durable.advanceTo(lastSequence);
            }
        } catch (IOException e) {
            problem = e;
            durable.fail(e);
        } finally {
            syncLock.unlock();
        }
        try {
            if (current.isPresent()) {
                current.get().close();
            }
            dirLock.release();
            lockFile.close();
        } catch (IOException e) {
            problem = problem == null ? e : problem;
        }
        durable.fail(new IOException("journal closed"));
        if (problem != null) {
            throw new UncheckedIOException("journal " + dir + ": close failed", problem);
        }
    }

    /** The flusher's work: sync when there is unsynced data; run retention when the UTC day changed. */
    private void background() {
        try {
            if (failure == null && lastSequence() > durable.get()) {
                sync();
            }
            LocalDate today = today(clock);
            if (!today.equals(lastRetentionDay)) {
                lastRetentionDay = today;
                applyRetention().forEach(p -> LOG.log(System.Logger.Level.INFO, "journal: deleted expired " + p));
            }
        } catch (RuntimeException e) {
            // already recorded by failed(); the thread keeps running so close() stays simple
            LOG.log(System.Logger.Level.ERROR, "journal " + dir + ": background sync failed", e);
        }
    }

    /** Called with writeLock held. Switches to the entry's day when it is later than the current one. */
    private SegmentWriter writerFor(LocalDate day) throws IOException {
        if (current.isPresent() && !day.isAfter(current.get().day())) {
            return current.get();
        }
        if (current.isPresent()) {
            syncLock.lock();
            try {
                SegmentWriter old = current.get();
                old.force();
                old.close();
            } finally {
                syncLock.unlock();
            }
            durable.advanceTo(lastSequence); // everything so far was in the segment just forced
        }
        SegmentWriter next = SegmentWriter.open(dir, day);
        current = Optional.of(next);
        syncDirectory(dir); // the new file's name must survive a crash too
        return next;
    }

    private void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("journal " + dir + " is closed");
        }
        if (failure != null) {
            throw new UncheckedIOException("journal " + dir + " failed earlier; reopen it", failure);
        }
    }

    /** After a failed write or fsync the OS may have dropped pages: stop rather than acknowledge more. */
    private UncheckedIOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        durable.fail(e);
        return new UncheckedIOException("journal " + dir + ": " + e.getMessage(), e);
    }

    private static RecoveryReport recover(Path dir, List<Path> expired) throws IOException {
        List<JournalProblem> problems = new ArrayList<>();
        List<SegmentName> names = List.copyOf(segments(dir).keySet());
        long entries = 0;
        long last = 0;
        for (int i = 0; i < names.size(); i++) {
            Path file = names.get(i).in(dir);
            SegmentScan scan = SegmentScan.of(file);
            entries += scan.entries();
            last = Math.max(last, scan.lastSequence());
            if (scan.damage().isEmpty()) {
                continue;
            }
            if (i == names.size() - 1) {
                truncate(file, scan.goodBytes());
                problems.add(new JournalProblem.TornTail(file, scan.goodBytes(), scan.damagedBytes(),
                        scan.damage().get()));
            } else {
                problems.add(new JournalProblem.CorruptSegment(file, scan.goodBytes(), scan.damagedBytes(),
                        scan.damage().get()));
            }
        }
        return new RecoveryReport(problems, expired, entries, last);
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
            f.getFD().sync();
        }
    }

    private static List<Path> deleteExpired(Path dir, Clock clock, JournalOptions options, Optional<LocalDate> keep)
            throws IOException {
        LocalDate cutoff = LocalDate.ofInstant(clock.instant().minus(options.retention()), ZoneOffset.UTC);
        List<Path> deleted = new ArrayList<>();
        for (SegmentName s : segments(dir).keySet()) {
            // a day is expired when all of it is older than the retention; never the segment being written
            if (s.day().isBefore(cutoff) && !keep.equals(Optional.of(s.day()))) {
                Path p = s.in(dir);
                if (Files.deleteIfExists(p)) {
                    deleted.add(p);
                }
            }
        }
        if (!deleted.isEmpty()) {
            syncDirectory(dir);
        }
        return deleted;
    }

    private static Map<SegmentName, Path> segments(Path dir) throws IOException {
        TreeMap<SegmentName, Path> found = new TreeMap<>(Comparator.naturalOrder());
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> SegmentName.parse(p).ifPresent(s -> found.put(s, p)));
        }
        return found;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can fsync a directory; the file contents are still synced
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void closeQuietly(RandomAccessFile f) {
        if (f != null) {
            try {
                f.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }
}
