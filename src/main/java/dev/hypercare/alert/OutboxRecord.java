package dev.hypercare.alert;

import java.util.List;

/**
 * One entry of the outbox journal: what was accepted for which channels, and how each delivery ended.
 * Pending deliveries are those enqueued (or carried) and not yet delivered or rejected.
 */
sealed interface OutboxRecord {
    String ENQUEUED = "enqueued";
    String CARRIED = "carried";
    String DELIVERED = "delivered";
    String REJECTED = "rejected";

    /** The journal kind. */
    default String kind() {
        return switch (this) {
            case Enqueued e -> ENQUEUED;
            case Carried c -> CARRIED;
            case Delivered d -> DELIVERED;
            case Rejected r -> REJECTED;
        };
    }

    /** An alert accepted for {@code channels} (possibly none: the id is still known, so a replay is a no-op). */
    record Enqueued(Alert alert, List<String> channels) implements OutboxRecord {
        public Enqueued {
            channels = List.copyOf(channels);
        }
    }

    /**
     * An alert still pending for {@code channels}, written again so that it outlives the journal's retention,
     * which deletes the day segment its {@link Enqueued} record is in.
     */
    record Carried(Alert alert, List<String> channels) implements OutboxRecord {
        public Carried {
            channels = List.copyOf(channels);
        }
    }

    /** The channel's receiver accepted the alert with {@code status}. */
    record Delivered(String id, String channel, int status) implements OutboxRecord {}

    /** The channel's receiver refused the alert for good; {@code reason} is secret-free. */
    record Rejected(String id, String channel, String reason) implements OutboxRecord {}
}
