package dev.hypercare.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The highest sequence known to be fsynced, and the callers waiting for a sequence to become durable.
 * Every entry with a sequence at or below the mark is durable: entries are written in sequence order.
 */
final class DurableMark {
    private final Object lock = new Object();
    private final TreeMap<Long, CompletableFuture<Long>> waiting = new TreeMap<>();
    private long mark;
    private Throwable failure;

    DurableMark(long initial) {
        this.mark = initial;
    }

    long get() {
        synchronized (lock) {
            return mark;
        }
    }

    /** A future that completes (with the sequence) once {@code sequence} is durable. */
    CompletableFuture<Long> when(long sequence) {
        synchronized (lock) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (sequence <= mark) {
                return CompletableFuture.completedFuture(sequence);
            }
            // copy(): callers may complete or cancel theirs without touching anyone else's
            return waiting.computeIfAbsent(sequence, s -> new CompletableFuture<>()).copy();
        }
    }

    boolean anyWaiting() {
        synchronized (lock) {
            return !waiting.isEmpty();
        }
    }

    void advanceTo(long sequence) {
        List<Map.Entry<Long, CompletableFuture<Long>>> done;
        synchronized (lock) {
            if (sequence <= mark) {
                return;
            }
            mark = sequence;
            var head = waiting.headMap(sequence, true);
            done = new ArrayList<>(head.entrySet());
            head.clear();
        }
        // completed outside the lock and in sequence order, so callbacks see acknowledgements in order
        for (var e : done) {
            e.getValue().complete(e.getKey());
        }
    }

    /** After a failed fsync nothing more can be acknowledged: fail every waiter, now and later. */
    void fail(Throwable cause) {
        List<CompletableFuture<Long>> done;
        synchronized (lock) {
            if (failure == null) {
                failure = cause;
            }
            done = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        done.forEach(f -> f.completeExceptionally(cause));
    }
}
