package dev.hypercare.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the outbox for /metrics and the status page. Secret-free: channels are named, never their
 * URLs, keys or headers.
 *
 * @param channels             one per configured channel, in configuration order
 * @param unconfiguredPending  alerts still pending for channels no longer configured, by channel name: they
 *                             stay in the outbox (and are delivered if the channel comes back)
 */
public record OutboxStatus(List<ChannelStatus> channels, Map<String, Long> unconfiguredPending) {

    public OutboxStatus {
        channels = List.copyOf(channels);
        unconfiguredPending = Map.copyOf(unconfiguredPending);
    }

    /**
     * One channel. {@code delivered} and {@code rejected} count what the outbox journal records (so they
     * survive restarts, within the journal's retention).
     *
     * @param pending   accepted and neither delivered nor rejected yet, including the one being retried
     * @param retrying  of those, how many failed at least once and wait for another attempt (deliveries go in
     *                  order, so 0 or 1)
     * @param lastError the latest failed attempt, retryable or not; kept after later successes
     */
    public record ChannelStatus(String name, String kind, long delivered, long pending, long retrying, long rejected,
            Optional<Problem> lastError) {}

    /** A failed attempt: when and why, in one secret-free line. */
    public record Problem(Instant time, String text) {}

    public long pending() {
        return channels.stream().mapToLong(ChannelStatus::pending).sum()
                + unconfiguredPending.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<ChannelStatus> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
