package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The store stays bounded however long a load test writes to it, dropping the oldest tasks first. */
class TaskStoreTest {

    @Test
    void oldestTasksAreEvictedAtCapacityAndNewestAreListedFirst() {
        TaskStore store = new TaskStore(3, InstantSource.fixed(Instant.parse("2026-11-22T12:00:00Z")));
        Task first = store.create("one", "ann");
        store.create("two", "ann");
        store.create("three", "bob");
        Task fourth = store.create("four", "bob");

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(first.id())).as("evicted").isEmpty();
        assertThat(store.find(fourth.id())).contains(fourth);
        assertThat(store.latest(2)).extracting(Task::title).containsExactly("four", "three");
    }

    @Test
    void defaultCapacityOutlastsTheJourneysOfAWorstCaseLaunch() {
        // about 3,000 creates/s at worst case: a task must survive the 30 s a member journey may take
        assertThat(TaskStore.DEFAULT_CAPACITY).isGreaterThanOrEqualTo(3_000 * 30);
    }
}
