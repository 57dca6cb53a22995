package dev.hypercare.probe;

/**
 * What a {@link RollingWindows} holds, to keep its memory in view: the series (one per probe and one for
 * the service), their count slots, their separate latency slots (in the coarse tiers), and the latency
 * arrays and entries in them. {@link #bytes()} estimates the heap it takes on a 64-bit JVM with
 * compressed references.
 */
public record RollingFootprint(long series, long slots, long latencySlots, long latencyArrays, long latencyEntries) {
    /** Per count slot: the bucket number (8 bytes), samples, failures, max (4 each) and a reference (4). */
    static final long SLOT_BYTES = 24;
    /** Per latency slot of a coarse tier: the bucket number (8), the max (4) and a reference (4). */
    static final long LATENCY_SLOT_BYTES = 16;
    /** An int array's header with its length. */
    static final long ARRAY_HEADER_BYTES = 16;

    RollingFootprint plus(RollingFootprint other) {
        return new RollingFootprint(series + other.series, slots + other.slots, latencySlots + other.latencySlots,
                latencyArrays + other.latencyArrays, latencyEntries + other.latencyEntries);
    }

    /** An estimate in bytes: the slots, plus each latency array's header and 4 bytes an entry, aligned to 8. */
    public long bytes() {
        return slots * SLOT_BYTES + latencySlots * LATENCY_SLOT_BYTES
                + latencyArrays * ARRAY_HEADER_BYTES + (latencyEntries * 4 + latencyArrays * 4);
    }
}
