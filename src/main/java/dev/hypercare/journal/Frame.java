package dev.hypercare.journal;

/** What decoding the next record of a segment gave: an entry, a clean end, or damage at that point. */
sealed interface Frame {
    /** A record that passed its checks; {@code size} is its length on disk, header included. */
    record Good(JournalEntry entry, int size) implements Frame {}

    /** End of file exactly at a record boundary. */
    record End() implements Frame {}

    /** A short, corrupt or unrecognised record; nothing after it in the segment can be trusted. */
    record Bad(String reason) implements Frame {}
}
