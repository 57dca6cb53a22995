package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A sink for scheduler tests: keeps every result with when it came, and notes any that came after close returned. */
final class SchedulerRecorder implements Consumer<ProbeResult> {
    record Received(ProbeResult result, long atNanos, boolean afterClose) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean closeReturned;

    @Override
    public void accept(ProbeResult result) {
        received.add(new Received(result, System.nanoTime(), closeReturned));
    }

    /** Call right after close returns. */
    void closeReturned() {
        closeReturned = true;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<ProbeResult> results() {
        return received.stream().map(Received::result).toList();
    }

    List<ProbeResult> of(String probe) {
        return results().stream().filter(r -> r.probe().equals(probe)).toList();
    }

    long afterClose() {
        return received.stream().filter(Received::afterClose).count();
    }

    /** Polls {@code condition} every 5 ms for at most {@code max}; fails naming {@code what} if it never holds. */
    static void await(BooleanSupplier condition, Duration max, String what) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + max.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
