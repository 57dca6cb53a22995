package dev.hypercare.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the outbox journal says, folded into memory: every id ever accepted, the pending alerts of each
 * channel in order of acceptance, delivered and rejected counts, and which channels were sent a trigger of
 * each still-open dedup key. Rebuilt by applying the journal's records in order on open, then kept current
 * by applying each record as it is written. No I/O; not thread-safe (the outbox guards it).
 */
final class OutboxLedger {
    /** An accepted alert with channels still to deliver to, and when it was last written to the journal. */
    private record Open(Alert alert, Set<String> channels, Instant recordedAt) {}

    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, LinkedHashMap<String, Alert>> queues = new HashMap<>();
    private final Map<String, Set<String>> triggered = new HashMap<>();
    private final Map<String, Long> delivered = new HashMap<>();
    private final Map<String, Long> rejected = new HashMap<>();

    /** Applies the record written with {@code sequence} at {@code time}. */
    void apply(long sequence, Instant time, OutboxRecord record) {
        switch (record) {
            case OutboxRecord.Enqueued e -> accept(sequence, time, e.alert(), e.channels());
            case OutboxRecord.Carried c -> {
                Open before = open.get(c.alert().id());
                if (before != null) {
                    open.put(c.alert().id(), new Open(before.alert(), before.channels(), time));
                } else if (!known.containsKey(c.alert().id())) {
                    accept(sequence, time, c.alert(), c.channels()); // its Enqueued record is gone with retention
                }
            }
            case OutboxRecord.Delivered d -> {
                settle(d.id(), d.channel());
                delivered.merge(d.channel(), 1L, Long::sum);
            }
            case OutboxRecord.Rejected r -> {
                settle(r.id(), r.channel());
                rejected.merge(r.channel(), 1L, Long::sum);
            }
        }
    }

    private void accept(long sequence, Instant time, Alert alert, List<String> channels) {
        if (known.putIfAbsent(alert.id(), sequence) != null) {
            return;
        }
        if (alert.action() == AlertAction.TRIGGER) {
            triggered.computeIfAbsent(alert.dedupKey(), k -> new LinkedHashSet<>()).addAll(channels);
        } else {
            triggered.remove(alert.dedupKey()); // the incident is over; a later trigger starts afresh
        }
        if (channels.isEmpty()) {
            return;
        }
        open.put(alert.id(), new Open(alert, new LinkedHashSet<>(channels), time));
        for (String channel : channels) {
            queues.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(alert.id(), alert);
        }
    }

    private void settle(String id, String channel) {
        LinkedHashMap<String, Alert> queue = queues.get(channel);
        if (queue != null) {
            queue.remove(id);
        }
        Open o = open.get(id);
        if (o != null) {
            o.channels().remove(channel);
            if (o.channels().isEmpty()) {
                open.remove(id);
            }
        }
    }

    /** The sequence of the record that accepted {@code id}, if it was ever accepted. */
    Optional<Long> sequenceOf(String id) {
        return Optional.ofNullable(known.get(id));
    }

    /**
     * The channels, of {@code configured} in their order, that should receive {@code alert}: those whose
     * minimum severity admits it and, for a resolve, every channel that was sent a trigger of its dedup key,
     * so an incident that escalated into a channel is also resolved there.
     */
    List<String> channelsFor(Alert alert, List<ChannelSpec> configured) {
        Set<String> before = alert.action() == AlertAction.RESOLVE
                ? triggered.getOrDefault(alert.dedupKey(), Set.of()) : Set.of();
        List<String> channels = new ArrayList<>();
        for (ChannelSpec spec : configured) {
            if (spec.admits(alert.severity()) || before.contains(spec.name())) {
                channels.add(spec.name());
            }
        }
        return channels;
    }

    /** The oldest pending alert of {@code channel}. */
    Optional<Alert> head(String channel) {
        LinkedHashMap<String, Alert> queue = queues.get(channel);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.firstEntry().getValue());
    }

    long pending(String channel) {
        LinkedHashMap<String, Alert> queue = queues.get(channel);
        return queue == null ? 0 : queue.size();
    }

    long delivered(String channel) {
        return delivered.getOrDefault(channel, 0L);
    }

    long rejected(String channel) {
        return rejected.getOrDefault(channel, 0L);
    }

    /** Pending alerts per channel that is not in {@code configured} (removed from probes.yaml since). */
    Map<String, Long> pendingOutside(Set<String> configured) {
        Map<String, Long> outside = new LinkedHashMap<>();
        queues.forEach((channel, queue) -> {
            if (!configured.contains(channel) && !queue.isEmpty()) {
                outside.put(channel, (long) queue.size());
            }
        });
        return outside;
    }

    /**
     * Pending alerts last written before {@code cutoff}, in order of acceptance, each with the channels it
     * is still pending for: to be carried forward before retention deletes their records.
     */
    List<OutboxRecord.Carried> lastWrittenBefore(Instant cutoff) {
        return open.values().stream()
                .filter(o -> o.recordedAt().isBefore(cutoff))
                .sorted(java.util.Comparator.comparingLong(o -> known.get(o.alert().id())))
                .map(o -> new OutboxRecord.Carried(o.alert(), List.copyOf(o.channels())))
                .toList();
    }
}
