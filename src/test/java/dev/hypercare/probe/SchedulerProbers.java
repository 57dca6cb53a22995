package dev.hypercare.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Probers for scheduler tests: they answer at once, take a set time, or hang past every timeout. */
final class SchedulerProbers {
    private SchedulerProbers() {}

    static ProbeResult ok(ProbeSpec spec, Instant start, String message) {
        return new ProbeResult(spec.name(), spec.location(), start, true, 200, Reason.OK, Duration.ZERO,
                Map.of(), List.of(), Optional.empty(), message);
    }

    /** Answers OK at once. */
    static Prober instant() {
        return (spec, clock) -> ok(spec, clock.instant(), "ok");
    }

    /** Sleeps {@code time} (interruptibly) then answers OK; keeps count of how many run at once, overall and per probe. */
    static final class Busy implements Prober {
        private final Duration time;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger maxRunning = new AtomicInteger();
        private final Set<String> runningProbes = ConcurrentHashMap.newKeySet();
        private final AtomicInteger sameProbeOverlaps = new AtomicInteger();
        private final AtomicInteger entered = new AtomicInteger();

        Busy(Duration time) {
            this.time = time;
        }

        @Override
        public ProbeResult probe(ProbeSpec spec, Clock clock) {
            Instant start = clock.instant();
            entered.incrementAndGet();
            if (!runningProbes.add(spec.name())) {
                sameProbeOverlaps.incrementAndGet();
            }
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(time);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                runningProbes.remove(spec.name());
            }
            return ok(spec, start, "ok");
        }

        int maxRunning() {
            return maxRunning.get();
        }

        int sameProbeOverlaps() {
            return sameProbeOverlaps.get();
        }

        int entered() {
            return entered.get();
        }
    }

    /**
     * Hangs the probes named in {@code hanging} until {@link #release()}, ignoring interrupts and its timeout,
     * as a blocking DNS lookup would; then answers with the message {@code late}. Other probes, and runs that
     * begin after the release, answer OK at once.
     */
    static final class Hanging implements Prober {
        private final Set<String> hanging;
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger entered = new AtomicInteger();
        private final AtomicInteger interrupts = new AtomicInteger();
        private final Map<String, Long> enteredAtNanos = new ConcurrentHashMap<>();

        Hanging(String... hanging) {
            this.hanging = Set.of(hanging);
        }

        @Override
        public ProbeResult probe(ProbeSpec spec, Clock clock) {
            Instant start = clock.instant();
            if (!hanging.contains(spec.name()) || released.getCount() == 0) {
                return ok(spec, start, "ok");
            }
            enteredAtNanos.put(spec.name() + "#" + entered.incrementAndGet(), System.nanoTime());
            boolean done = false;
            while (!done) {
                try {
                    released.await();
                    done = true;
                } catch (InterruptedException e) {
                    interrupts.incrementAndGet(); // noticed, and ignored
                }
            }
            return ok(spec, start, "late");
        }

        void release() {
            released.countDown();
        }

        int entered() {
            return entered.get();
        }

        int interrupts() {
            return interrupts.get();
        }

        /** When the n-th hanging run (from 1) entered, on the monotonic clock. */
        long enteredAtNanos(String probe, int n) {
            return enteredAtNanos.get(probe + "#" + n);
        }
    }
}
