package dev.hypercare.target;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The demo's "database": tasks in memory, newest last, at most {@code capacity} of them. The oldest are
 * evicted so a load test of any length cannot exhaust the heap.
 */
final class TaskStore {

    /**
     * Enough that a task outlives the journeys that read it even at worst-case write rates (about
     * 3,000 creates/s keep a task for 30 s), while a long run still cannot exhaust memory (~30 MB).
     */
    static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final InstantSource clock;
    // a lock, not synchronized: callers are virtual threads, which synchronized would pin on JDK 21
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Long, Task> tasks = new LinkedHashMap<>();
    private long lastId;

    TaskStore(int capacity, InstantSource clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    Task create(String title, String owner) {
        lock.lock();
        try {
            Task task = new Task(++lastId, title, owner, clock.instant());
            tasks.put(task.id(), task);
            if (tasks.size() > capacity) {
                tasks.pollFirstEntry();
            }
            return task;
        } finally {
            lock.unlock();
        }
    }

    Optional<Task> find(long id) {
        lock.lock();
        try {
            return Optional.ofNullable(tasks.get(id));
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code limit} tasks, newest first. */
    List<Task> latest(int limit) {
        lock.lock();
        try {
            return tasks.sequencedValues().reversed().stream().limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Tasks held now (at most the capacity). */
    int size() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }
}
