package dev.hypercare.probe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The caller's sink behind a gate that close shuts: after {@link #shut()} no call starts, and
 * {@link #awaitIdle} waits out the calls under way. A sink that throws is counted, never fatal.
 */
final class SchedulerSink {
    private static final System.Logger LOG = System.getLogger(SchedulerSink.class.getName());

    private final Consumer<ProbeResult> sink;
    private final AtomicInteger calling = new AtomicInteger();
    private final LongAdder failures = new LongAdder();
    private volatile boolean shut;

    SchedulerSink(Consumer<ProbeResult> sink) {
        this.sink = sink;
    }

    /** Hands {@code result} to the sink, unless the gate is shut. */
    void emit(ProbeResult result) {
        // count, then look at the gate; close shuts the gate, then reads the count: one of us sees the other
        calling.incrementAndGet();
        try {
            if (shut) {
                return;
            }
            try {
                sink.accept(result);
            } catch (RuntimeException e) {
                failures.increment();
                LOG.log(System.Logger.Level.ERROR, "the probe result sink failed for probe " + result.probe(), e);
            }
        } finally {
            calling.decrementAndGet();
        }
    }

    void shut() {
        shut = true;
    }

    /** Waits until no call is under way, or until {@code deadlineNanos} (System.nanoTime); true if idle. */
    boolean awaitIdle(long deadlineNanos) {
        while (calling.get() > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    long failures() {
        return failures.sum();
    }
}
