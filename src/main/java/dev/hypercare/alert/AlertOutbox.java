package dev.hypercare.alert;

import dev.hypercare.BadInputException;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The durable alert outbox: every alert is delivered at least once to every channel that wants it, in order
 * per channel, across receiver downtime and restarts (kill -9 included), and deduplicated by id.
 *
 * <p>It keeps its own {@link Journal} (format in {@link OutboxCodec}). {@link #enqueue} returns once the
 * alert is fsynced; one thread per channel delivers in the background, retrying with exponential backoff
 * and jitter, and records each success or permanent rejection in the journal. On open the journal is
 * replayed: delivered alerts are never resent, pending ones resume. A receiver that gets an alert twice
 * (a crash between its answer and the record of it) can drop the duplicate by id: the webhook's
 * {@code Idempotency-Key}, PagerDuty's {@code dedup_key}.
 *
 * <p>Nothing is dropped silently: a permanent rejection (a 4xx other than 408 and 429) is recorded, logged
 * once and counted in {@link #status()}; alerts pending for a channel no longer configured stay in the
 * outbox and are reported. Pending alerts are written again before the journal's retention would delete
 * their records.
 *
 * <p>Thread-safe. One open outbox per directory.
 */
public final class AlertOutbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlertOutbox.class.getName());
    /** Retention while reading on open: nothing may expire before pending alerts are carried forward. */
    private static final Duration KEEP_ALL = Duration.ofDays(365L * 1000);
    /** An idle worker wakes this often to carry forward alerts that wait long (for a removed channel). */
    private static final long HOUSEKEEPING_NANOS = TimeUnit.HOURS.toNanos(1);

    private final List<ChannelSpec> channels;
    private final Journal journal;
    private final Clock clock;
    private final OutboxOptions options;
    private final HttpClient client;
    private final ReentrantLock lock = new ReentrantLock();
    private final OutboxLedger ledger;
    private final Map<String, ChannelWorker> workers = new LinkedHashMap<>();
    private boolean closed;

    private AlertOutbox(List<ChannelSpec> channels, Journal journal, Clock clock, OutboxOptions options,
            HttpClient client, OutboxLedger ledger) {
        this.channels = List.copyOf(channels);
        this.journal = journal;
        this.clock = clock;
        this.options = options;
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * Opens (creating if needed) the outbox in {@code dir}, replays its journal and starts delivering what
     * is pending. Every channel is checked first: a missing environment variable, a URL that is not http(s)
     * or a header the HTTP client refuses is a {@link BadInputException} naming the channel, never a value.
     *
     * @param env fills the channels' {@code ${NAME}} templates when sending
     */
    public static AlertOutbox open(Path dir, List<ChannelSpec> channels, Map<String, String> env, Clock clock,
            OutboxOptions options) {
        checkNames(channels);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Journal journal = null;
        try {
            List<Notifier> notifiers = new ArrayList<>();
            for (ChannelSpec spec : channels) {
                Notifier notifier = Notifier.forChannel(spec, env, client, options.requestTimeout(), clock);
                notifier.check();
                notifiers.add(notifier);
            }
            // read everything and carry forward what retention would delete, then reopen with the real
            // retention: its deletion on open then loses no pending alert
            try (Journal all = Journal.open(dir, options.journal().withRetention(KEEP_ALL), clock)) {
                OutboxLedger everything = new OutboxLedger();
                replay(all, everything);
                carry(all, everything, clock, options);
            }
            journal = Journal.open(dir, options.journal(), clock);
            // the state is what the kept journal says, with its sequences (they restart if nothing was kept)
            OutboxLedger ledger = new OutboxLedger();
            replay(journal, ledger);
            AlertOutbox outbox = new AlertOutbox(channels, journal, clock, options, client, ledger);
            for (int i = 0; i < channels.size(); i++) {
                ChannelSpec spec = channels.get(i);
                outbox.workers.put(spec.name(), new ChannelWorker(spec, notifiers.get(i), options.backoff(), outbox,
                        outbox.lock.newCondition()));
            }
            outbox.reportUnconfigured();
            outbox.workers.values().forEach(ChannelWorker::start);
            return outbox;
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            client.shutdownNow();
            throw e;
        }
    }

    /**
     * Accepts {@code alert} for every channel whose minimum severity admits it (and, for a resolve, every
     * channel that was sent a trigger of its dedup key); returns once that is fsynced. An id accepted before,
     * in this run or an earlier one, is a no-op (it still waits until that earlier acceptance is durable).
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws UncheckedIOException  when the journal cannot record it
     */
    public void enqueue(Alert alert) {
        checkComplete(alert);
        long sequence;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("alert outbox is closed");
            }
            Optional<Long> known = ledger.sequenceOf(alert.id());
            if (known.isPresent()) {
                sequence = known.get();
            } else {
                OutboxRecord.Enqueued record = new OutboxRecord.Enqueued(alert, ledger.channelsFor(alert, channels));
                sequence = write(record);
                record.channels().forEach(name -> workers.get(name).wake().signal());
            }
            carryStale();
        } finally {
            lock.unlock();
        }
        try {
            journal.whenDurable(sequence).join();
        } catch (CompletionException e) {
            throw new UncheckedIOException("alert outbox: " + alert.id() + " could not be recorded durably",
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    /** Counts and the last error per channel, secret-free. Works after close too. */
    public OutboxStatus status() {
        lock.lock();
        try {
            List<OutboxStatus.ChannelStatus> list = new ArrayList<>();
            for (ChannelSpec spec : channels) {
                String name = spec.name();
                ChannelWorker worker = workers.get(name);
                long pending = ledger.pending(name);
                list.add(new OutboxStatus.ChannelStatus(name, spec.kind(), ledger.delivered(name), pending,
                        pending > 0 && worker.failures() > 0 ? 1 : 0, ledger.rejected(name), worker.lastError()));
            }
            return new OutboxStatus(list, ledger.pendingOutside(workers.keySet()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops delivering within the close timeout (deliveries in flight are abandoned and stay pending), then
     * syncs and closes the journal. Undelivered alerts are delivered after the next open. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            workers.values().forEach(w -> w.wake().signalAll());
        } finally {
            lock.unlock();
        }
        workers.values().forEach(ChannelWorker::interrupt);
        long deadline = System.nanoTime() + options.closeTimeout().toNanos();
        try {
            for (ChannelWorker worker : workers.values()) {
                if (!worker.join(deadline - System.nanoTime())) {
                    LOG.log(System.Logger.Level.WARNING, "alert outbox: " + worker.spec().label()
                            + " did not stop within " + dev.hypercare.DurationText.format(options.closeTimeout()) + "; its delivery in flight stays pending");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.shutdownNow();
            journal.close();
        }
    }

    // --- for the channel workers, all under the lock ---

    /** The channel's oldest pending alert, waiting for one; empty once closing. */
    Optional<Alert> next(ChannelWorker worker) throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                Optional<Alert> head = ledger.head(worker.spec().name());
                if (head.isPresent()) {
                    return head;
                }
                if (worker.wake().awaitNanos(HOUSEKEEPING_NANOS) <= 0) {
                    carryStale();
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Notes a failed attempt; returns the failures in a row. */
    int failed(ChannelWorker worker, String reason) {
        lock.lock();
        try {
            return worker.failedOnce(new OutboxStatus.Problem(clock.instant(), reason));
        } finally {
            lock.unlock();
        }
    }

    /** Notes a permanent rejection as the channel's last error; the rejection itself is settled next. */
    void rejected(ChannelWorker worker, String reason) {
        lock.lock();
        try {
            worker.lastError(new OutboxStatus.Problem(clock.instant(), reason));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that an alert was delivered or rejected, and waits until that is durable; returns how many
     * attempts it took. If the journal cannot take it (closing, or broken), the alert is settled in memory
     * only: it is not resent in this run, and may be once after a restart.
     */
    int settle(ChannelWorker worker, OutboxRecord record) {
        long sequence = 0;
        int attempts;
        lock.lock();
        try {
            attempts = worker.settled();
            try {
                sequence = write(record);
            } catch (RuntimeException e) {
                ledger.apply(0, clock.instant(), record);
                if (!closed) {
                    LOG.log(System.Logger.Level.ERROR, "alert outbox: could not record a " + record.kind()
                            + " alert; it may be sent again after a restart (" + e.getClass().getSimpleName() + ")");
                }
            }
        } finally {
            lock.unlock();
        }
        if (sequence > 0) {
            try {
                journal.whenDurable(sequence).join();
            } catch (CompletionException e) {
                // the record is in the OS buffer at least: it survives the process, perhaps not the machine
            }
        }
        return attempts;
    }

    /** Waits {@code delay} unless closing; false when closing. */
    boolean pause(ChannelWorker worker, Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        lock.lock();
        try {
            while (!closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                worker.wake().awaitNanos(left);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Writes pending alerts again whose records are half-way to the journal's retention. */
    void carryStale() {
        lock.lock();
        try {
            if (!closed) {
                carry(journal, ledger, clock, options);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "alert outbox: could not carry pending alerts forward ("
                    + e.getClass().getSimpleName() + "); will try again");
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held (or before the workers start). */
    private long write(OutboxRecord record) {
        Instant now = clock.instant();
        long sequence = journal.append(record.kind(), now, OutboxCodec.encode(record));
        ledger.apply(sequence, now, record);
        return sequence;
    }

    /** Writes again, at the clock's time, each pending alert last written more than half the retention ago. */
    private static void carry(Journal journal, OutboxLedger ledger, Clock clock, OutboxOptions options) {
        Instant now = clock.instant();
        List<OutboxRecord.Carried> stale = ledger.lastWrittenBefore(now.minus(options.journal().retention().dividedBy(2)));
        for (OutboxRecord.Carried record : stale) {
            long sequence = journal.append(record.kind(), now, OutboxCodec.encode(record));
            ledger.apply(sequence, now, record);
        }
        if (!stale.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "alert outbox: carried " + stale.size()
                    + " pending alerts forward so that journal retention keeps them");
        }
    }

    private static void replay(Journal journal, OutboxLedger ledger) {
        try (Stream<JournalEntry> entries = journal.readAll()) {
            entries.forEach(e -> {
                try {
                    ledger.apply(e.sequence(), e.time(), OutboxCodec.decode(e.kind(), e.payload()));
                } catch (IllegalArgumentException ex) {
                    LOG.log(System.Logger.Level.ERROR, "alert outbox journal: entry " + e.sequence() + " (" + e.kind()
                            + ") cannot be read and is skipped: " + ex.getMessage());
                }
            });
        }
    }

    private void reportUnconfigured() {
        ledger.pendingOutside(workers.keySet()).forEach((channel, count) -> LOG.log(System.Logger.Level.WARNING,
                "alert outbox: " + count + " alerts are pending for channel '" + channel
                        + "', which is no longer configured; they stay in the outbox until it is configured again"));
    }

    private static void checkNames(List<ChannelSpec> channels) {
        Set<String> seen = new HashSet<>();
        for (ChannelSpec spec : channels) {
            if (spec.name() == null || spec.name().isBlank()) {
                throw new BadInputException("alert channel name: expected a non-empty name, found none");
            }
            if (!seen.add(spec.name())) {
                throw new BadInputException("alert channel '" + spec.name() + "': expected unique names, found it twice");
            }
        }
    }

    private static void checkComplete(Alert alert) {
        if (alert.id() == null || alert.id().isBlank() || alert.dedupKey() == null || alert.dedupKey().isBlank()
                || alert.action() == null || alert.severity() == null || alert.summary() == null
                || alert.source() == null || alert.time() == null) {
            throw new IllegalArgumentException("alert outbox: an alert needs id, dedupKey, action, severity, summary,"
                    + " source and time; found " + alert.id() + " incomplete");
        }
    }
}
