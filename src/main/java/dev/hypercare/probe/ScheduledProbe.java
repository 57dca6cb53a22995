package dev.hypercare.probe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One probe's place in {@link ProbeScheduler}: its plan, its run under way, and its abandoned runs that
 * still hang. The plan ({@link #schedule}, {@link #slot}) is read and written by the timer thread only.
 */
final class ScheduledProbe {
    private final ProbeSpec spec;
    private final String threadName;
    private final AtomicReference<ScheduledRun> active = new AtomicReference<>();
    private final AtomicInteger hung = new AtomicInteger();
    private Schedule schedule;
    private long slot;

    ScheduledProbe(ProbeSpec spec) {
        this.spec = spec;
        this.threadName = "probe " + spec.name();
    }

    ProbeSpec spec() {
        return spec;
    }

    String threadName() {
        return threadName;
    }

    /** A run waits or runs, or the probe has {@code maxHung} abandoned runs still hanging: its slot is skipped. */
    boolean busy(int maxHung) {
        return active.get() != null || hung.get() >= maxHung;
    }

    void activate(ScheduledRun run) {
        active.set(run);
    }

    /** The run has ended (result out, or none to come); a newer run stays active. */
    void release(ScheduledRun run) {
        active.compareAndSet(run, null);
    }

    AtomicInteger hung() {
        return hung;
    }

    Schedule schedule() {
        return schedule;
    }

    long slot() {
        return slot;
    }

    void plan(Schedule schedule, long slot) {
        this.schedule = schedule;
        this.slot = slot;
    }
}
