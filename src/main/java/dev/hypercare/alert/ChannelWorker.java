package dev.hypercare.alert;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;

/**
 * The delivery loop of one channel, on its own thread: take the channel's oldest pending alert, send it,
 * record the outcome. After a retryable failure it waits with backoff and tries the same alert again,
 * holding back the later ones so that a receiver sees a channel's alerts in order (a resolve never before
 * its trigger). Its fields are guarded by the outbox's lock.
 */
final class ChannelWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(AlertOutbox.class.getName());

    private final ChannelSpec spec;
    private final Notifier notifier;
    private final Backoff backoff;
    private final AlertOutbox outbox;
    private final Condition wake;
    private final Thread thread;
    /** Failed attempts in a row; reset when an alert is settled. */
    private int failures;
    private Optional<OutboxStatus.Problem> lastError = Optional.empty();

    ChannelWorker(ChannelSpec spec, Notifier notifier, Backoff backoff, AlertOutbox outbox, Condition wake) {
        this.spec = spec;
        this.notifier = notifier;
        this.backoff = backoff;
        this.outbox = outbox;
        this.wake = wake;
        this.thread = Thread.ofPlatform().name("alert-outbox " + spec.name()).daemon(true).unstarted(this);
    }

    @Override
    public void run() {
        try {
            Optional<Alert> next;
            while ((next = outbox.next(this)).isPresent()) {
                Alert alert = next.get();
                switch (attempt(alert)) {
                    case Delivery.Delivered d -> {
                        int attempts = outbox.settle(this, new OutboxRecord.Delivered(alert.id(), spec.name(), d.status()));
                        if (attempts > 1) {
                            LOG.log(System.Logger.Level.INFO, "alert outbox: " + alert.id() + " delivered to "
                                    + spec.label() + " after " + attempts + " attempts");
                        }
                    }
                    case Delivery.Rejected r -> {
                        outbox.rejected(this, r.reason());
                        outbox.settle(this, new OutboxRecord.Rejected(alert.id(), spec.name(), r.reason()));
                        LOG.log(System.Logger.Level.WARNING, "alert outbox: " + alert.id()
                                + " rejected, recorded and not retried: " + r.reason());
                    }
                    case Delivery.Retryable r -> {
                        int failed = outbox.failed(this, r.reason());
                        if (failed == 1) {
                            LOG.log(System.Logger.Level.WARNING, "alert outbox: " + alert.id()
                                    + " not delivered yet, retrying with backoff: " + r.reason());
                        }
                        if (!outbox.pause(this, backoff.delay(failed, r.retryAfter(), ThreadLocalRandom.current()))) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing: whatever is pending stays in the journal for the next open
        }
    }

    private Delivery attempt(Alert alert) throws InterruptedException {
        outbox.carryStale();
        try {
            return notifier.send(alert);
        } catch (RuntimeException e) {
            // a bug must not stop the channel for good; the type only, as a message might quote a secret
            return new Delivery.Retryable(spec.label() + ": internal error (" + e.getClass().getName() + ")");
        }
    }

    void start() {
        thread.start();
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Waits up to {@code nanos} for the thread to end; true when it has. */
    boolean join(long nanos) throws InterruptedException {
        return thread.join(java.time.Duration.ofNanos(Math.max(1, nanos)));
    }

    ChannelSpec spec() {
        return spec;
    }

    Condition wake() {
        return wake;
    }

    int failures() {
        return failures;
    }

    void lastError(OutboxStatus.Problem problem) {
        lastError = Optional.of(problem);
    }

    int failedOnce(OutboxStatus.Problem problem) {
        lastError = Optional.of(problem);
        return ++failures;
    }

    /** Ends a run of failures; returns how many attempts the settled alert took. */
    int settled() {
        int attempts = failures + 1;
        failures = 0;
        return attempts;
    }

    Optional<OutboxStatus.Problem> lastError() {
        return lastError;
    }
}
