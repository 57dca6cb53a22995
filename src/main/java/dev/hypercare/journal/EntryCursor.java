package dev.hypercare.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Reads entries segment by segment, one record in memory at a time. Reading a segment stops at its first
 * bad record (damage was reported on open; a record still being written looks the same and is skipped).
 */
final class EntryCursor implements Iterator<JournalEntry>, AutoCloseable {
    private final Iterator<Path> segments;
    private final Predicate<JournalEntry> wanted;
    private InputStream in;
    private JournalEntry next;

    EntryCursor(List<Path> segments, Predicate<JournalEntry> wanted) {
        this.segments = segments.iterator();
        this.wanted = wanted;
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                if (in == null) {
                    if (!segments.hasNext()) {
                        return false;
                    }
                    try {
                        in = new BufferedInputStream(Files.newInputStream(segments.next()), 64 * 1024);
                    } catch (NoSuchFileException e) {
                        continue; // deleted by retention since the listing
                    }
                }
                if (RecordFormat.decode(in) instanceof Frame.Good g) {
                    if (wanted.test(g.entry())) {
                        next = g.entry();
                    }
                } else {
                    closeSegment();
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JournalEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JournalEntry e = next;
        next = null;
        return e;
    }

    private void closeSegment() throws IOException {
        InputStream s = in;
        in = null;
        s.close();
    }

    @Override
    public void close() {
        if (in != null) {
            try {
                closeSegment();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
