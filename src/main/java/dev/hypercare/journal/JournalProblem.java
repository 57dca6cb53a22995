package dev.hypercare.journal;

import java.nio.file.Path;

/** Damage found when the journal was opened. Each is reported once, in {@link RecoveryReport}. */
public sealed interface JournalProblem {
    Path segment();

    /** Byte offset of the first record that could not be read. */
    long offset();

    /** One line for a log or the CLI. */
    String describe();

    /**
     * The last segment ended in a torn or corrupt record (a crash mid-write, or damage); the bytes from
     * {@code offset} on were truncated away so appends continue after the last good record.
     */
    record TornTail(Path segment, long offset, long droppedBytes, String reason) implements JournalProblem {
        @Override
        public String describe() {
            return "journal " + segment.getFileName() + ": " + reason + " at byte " + offset + "; dropped "
                    + droppedBytes + " bytes of torn tail";
        }
    }

    /**
     * An older segment is damaged at {@code offset}; reads of that segment stop there and the
     * {@code unreadableBytes} after it are left on disk, untouched, for inspection.
     */
    record CorruptSegment(Path segment, long offset, long unreadableBytes, String reason) implements JournalProblem {
        @Override
        public String describe() {
            return "journal " + segment.getFileName() + ": " + reason + " at byte " + offset + "; the "
                    + unreadableBytes + " bytes after it cannot be read";
        }
    }
}
