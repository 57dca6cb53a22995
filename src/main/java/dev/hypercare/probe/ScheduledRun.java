package dev.hypercare.probe;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one probe inside {@link ProbeScheduler}. Its state changes only by compare-and-set, so exactly
 * one of the worker (its own result), the deadline (TIMEOUT) or close (no result) ends a run that started.
 */
final class ScheduledRun {
    enum State { WAITING, RUNNING, DONE, ABANDONED, CANCELLED }

    private final ScheduledProbe probe;
    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
    /** Completes once the run's result has gone to the sink; cancelled when the run ends without one. */
    private final CompletableFuture<ProbeResult> outcome = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile Instant start;
    private volatile long startNanos;
    private volatile SchedulerTimer.Pending deadline = () -> {};

    ScheduledRun(ScheduledProbe probe) {
        this.probe = probe;
    }

    ScheduledProbe probe() {
        return probe;
    }

    ProbeSpec spec() {
        return probe.spec();
    }

    CompletableFuture<ProbeResult> outcome() {
        return outcome;
    }

    Thread thread() {
        return thread;
    }

    void thread(Thread value) {
        thread = value;
    }

    Instant start() {
        return start;
    }

    long startNanos() {
        return startNanos;
    }

    SchedulerTimer.Pending deadline() {
        return deadline;
    }

    void deadline(SchedulerTimer.Pending value) {
        deadline = value;
    }

    State state() {
        return state.get();
    }

    /** The permit is held: the prober is about to be called. */
    boolean begin(Instant at, long atNanos) {
        start = at;
        startNanos = atNanos;
        return state.compareAndSet(State.WAITING, State.RUNNING);
    }

    /** The worker's result may go out. */
    boolean finish() {
        return state.compareAndSet(State.RUNNING, State.DONE);
    }

    /** The scheduler's TIMEOUT goes out instead; the worker's result, if it ever comes, does not. */
    boolean abandon() {
        return state.compareAndSet(State.RUNNING, State.ABANDONED);
    }

    /** Close cuts the run short: nothing goes out. */
    boolean cancel() {
        return state.compareAndSet(State.RUNNING, State.CANCELLED);
    }
}
