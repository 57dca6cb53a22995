package dev.hypercare.journal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record of the journal. The payload is opaque bytes (callers encode JSON); the record copies it in and
 * out so an entry can be shared between threads. Time is stored with millisecond precision.
 */
public record JournalEntry(long sequence, Instant time, String kind, byte[] payload) {
    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntry e && sequence == e.sequence && time.equals(e.time) && kind.equals(e.kind)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, time, kind, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
        return "JournalEntry[" + sequence + " " + time + " " + kind + " " + payload.length + " bytes " + head + "]";
    }
}
