package dev.hypercare.journal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The background thread of group commit: it wakes every fsync interval, or early when nudged (a caller
 * waits for durability or the batch is full), and runs the work it was given, which syncs whatever is
 * unsynced. Appends that arrive during one fsync share the next.
 */
final class Flusher implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final long intervalNanos;
    private final Runnable work;
    private final Thread thread;
    private boolean nudged;
    private boolean stopping;

    Flusher(String name, Duration interval, Runnable work) {
        this.intervalNanos = interval.toNanos();
        this.work = work;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void nudge() {
        lock.lock();
        try {
            nudged = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            boolean stop;
            lock.lock();
            try {
                long left = intervalNanos;
                while (!nudged && !stopping && left > 0) {
                    left = wake.awaitNanos(left);
                }
                nudged = false;
                stop = stopping;
            } catch (InterruptedException e) {
                stop = true;
            } finally {
                lock.unlock();
            }
            if (stop) {
                return; // close() syncs one last time itself
            }
            work.run();
        }
    }

    /** Stops the thread and waits for a sync in progress to finish. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopping = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
