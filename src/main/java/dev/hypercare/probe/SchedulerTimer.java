package dev.hypercare.probe;

import java.time.Duration;

/**
 * The only place {@link ProbeScheduler} waits: it runs a task after a delay. Planning reads the injected
 * clock and stays a pure function ({@link Schedule}); tests may swap this timer for one they step by hand.
 * Tasks must be short: they plan and hand work to other threads.
 */
interface SchedulerTimer extends AutoCloseable {

    /** Runs {@code task} after {@code delay}, at once if the delay is not positive. */
    Pending after(Duration delay, Runnable task);

    /** Drops every pending task; later calls to {@link #after} are ignored. */
    @Override
    void close();

    /** A task not yet run. */
    interface Pending {
        /** Keeps the task from running if it has not started; harmless after it ran. */
        void cancel();
    }
}
