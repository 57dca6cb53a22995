package dev.hypercare.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link SchedulerTimer} on a {@link SchedulerManualClock}: tasks run on the test's thread, in time order,
 * when the test advances the clock past them. Thread-safe, since run threads schedule their deadlines here.
 */
final class SchedulerManualTimer implements SchedulerTimer {
    private final SchedulerManualClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::order));
    private long order;
    private boolean closed;

    SchedulerManualTimer(SchedulerManualClock clock) {
        this.clock = clock;
    }

    private static final class Task {
        private final Instant due;
        private final long order;
        private final Runnable body;
        private volatile boolean cancelled;

        Task(Instant due, long order, Runnable body) {
            this.due = due;
            this.order = order;
            this.body = body;
        }

        Instant due() {
            return due;
        }

        long order() {
            return order;
        }
    }

    @Override
    public synchronized Pending after(Duration delay, Runnable body) {
        if (closed) {
            return () -> {};
        }
        Task task = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), order++, body);
        tasks.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves the clock to {@code until}, running each task that falls due on the way at its own time. */
    void advanceTo(Instant until) {
        for (int ran = 0; ; ran++) {
            if (ran > 100_000) {
                throw new IllegalStateException("more than 100000 timer tasks before " + until + ": a task reschedules itself without delay");
            }
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due().isAfter(until)) {
                    break;
                }
                tasks.poll();
            }
            if (next.due().isAfter(clock.instant())) {
                clock.set(next.due());
            }
            if (!next.cancelled) {
                next.body.run();
            }
        }
        if (until.isAfter(clock.instant())) {
            clock.set(until);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
