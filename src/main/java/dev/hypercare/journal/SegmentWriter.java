package dev.hypercare.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The open file of the segment being appended to. RandomAccessFile rather than FileChannel on purpose: an
 * interrupted probe thread would close a FileChannel for every writer, while these writes and
 * {@code FileDescriptor.sync()} ignore interrupts.
 */
final class SegmentWriter implements AutoCloseable {
    private final LocalDate day;
    private final RandomAccessFile file;
    private volatile boolean open = true;

    private SegmentWriter(LocalDate day, RandomAccessFile file) {
        this.day = day;
        this.file = file;
    }

    /** Opens (creating if needed) the segment and positions at its end. */
    static SegmentWriter open(Path dir, LocalDate day) throws IOException {
        RandomAccessFile f = new RandomAccessFile(new SegmentName(day).in(dir).toFile(), "rw");
        f.seek(f.length());
        return new SegmentWriter(day, f);
    }

    LocalDate day() {
        return day;
    }

    boolean isOpen() {
        return open;
    }

    /** Hands the bytes to the OS; durable only after {@link #force()}. */
    void write(byte[] record) throws IOException {
        file.write(record);
    }

    void force() throws IOException {
        file.getFD().sync();
    }

    @Override
    public void close() throws IOException {
        open = false;
        file.close();
    }
}
