package dev.hypercare.probe;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link SchedulerTimer}: one daemon thread for every probe's next slot and every run's deadline,
 * instead of a sleeping thread per probe. Delays run on the monotonic clock.
 */
final class SchedulerThread implements SchedulerTimer {
    private static final System.Logger LOG = System.getLogger(SchedulerThread.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    SchedulerThread() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "hypercare-probe-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // cancelled deadlines (one per run) must leave the queue at once, not when they would have fired
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Pending after(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> {};
        }
    }

    /** The executor would keep a task's exception in a future nobody reads; say it instead. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "probe scheduler task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
