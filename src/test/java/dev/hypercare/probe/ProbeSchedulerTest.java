package dev.hypercare.probe;

import static dev.hypercare.probe.SchedulerRecorder.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scheduler in real time, with intervals of 50 to 200 ms; bounds leave room for a busy machine. */
class ProbeSchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SchedulerRecorder sink = new SchedulerRecorder();

    private ProbeScheduler scheduler(List<ProbeSpec> specs, Prober prober, SchedulerOptions options) {
        return new ProbeScheduler(specs, prober, sink, options, Clock.systemUTC(), new Random(5));
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    /** Runs expected in {@code elapsedMillis} at one per {@code intervalMillis}: at least 3/4 of them, at most one more. */
    private static void assertRate(List<ProbeResult> runs, long elapsedMillis, long intervalMillis) {
        double expected = (double) elapsedMillis / intervalMillis;
        assertThat((double) runs.size()).as("runs of a probe every %d ms over %d ms", intervalMillis, elapsedMillis)
                .isBetween(0.75 * expected, expected + 1.5);
    }

    @Test
    void probesRunAtTheirOwnRates() throws InterruptedException {
        List<ProbeSpec> specs = SchedulerSpecs.of("fast 50ms 40ms", "medium 100ms 80ms", "slow 200ms 150ms");
        long began = System.nanoTime();
        long elapsed;
        try (ProbeScheduler scheduler = scheduler(specs, SchedulerProbers.instant(), SchedulerOptions.defaults())) {
            scheduler.start();
            Thread.sleep(2000);
            elapsed = millisSince(began);
        }
        assertRate(sink.of("fast"), elapsed, 50);
        assertRate(sink.of("medium"), elapsed, 100);
        assertRate(sink.of("slow"), elapsed, 200);
        assertThat(sink.results()).allMatch(r -> r.reason() == Reason.OK);
    }

    @Test
    void aProbeThatHangsPastItsTimeoutDoesNotSlowTheOthersAndIsReportedAsTimeout() throws InterruptedException {
        SchedulerProbers.Hanging prober = new SchedulerProbers.Hanging("stuck");
        List<ProbeSpec> specs = SchedulerSpecs.of("stuck 200ms 100ms", "steady 100ms 50ms");
        SchedulerOptions options = SchedulerOptions.defaults().withGrace(Duration.ofMillis(100)).withMaxHungPerProbe(2)
                .withMaxConcurrent(2);
        long began = System.nanoTime();
        long elapsed;
        SchedulerStats stats;
        try (ProbeScheduler scheduler = scheduler(specs, prober, options)) {
            scheduler.start();
            Thread.sleep(2000);
            elapsed = millisSince(began);
            stats = scheduler.stats();
        } finally {
            sink.closeReturned();
            prober.release(); // the hung threads end now; their late results must go nowhere
        }
        assertRate(sink.of("steady"), elapsed, 100);
        assertThat(sink.of("steady")).allMatch(r -> r.reason() == Reason.OK);

        List<SchedulerRecorder.Received> stuck = sink.received().stream().filter(r -> r.result().probe().equals("stuck")).toList();
        assertThat(stuck).as("two runs hang, then slots are skipped while both threads still hang").hasSize(2);
        for (int i = 0; i < stuck.size(); i++) {
            ProbeResult result = stuck.get(i).result();
            assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(result.location()).isEqualTo("lab");
            assertThat(result.message()).startsWith("abandoned after ");
            long emittedAfter = Duration.ofNanos(stuck.get(i).atNanos() - prober.enteredAtNanos("stuck", i + 1)).toMillis();
            assertThat(emittedAfter).as("emitted at timeout + grace").isBetween(190L, 700L);
            assertThat(result.total()).isBetween(Duration.ofMillis(195), Duration.ofMillis(700));
        }
        assertThat(stats.abandoned()).isEqualTo(2);
        assertThat(stats.hung()).isEqualTo(2);
        assertThat(stats.skipped()).as("the stuck probe's later slots").isGreaterThanOrEqualTo(4);
        assertThat(prober.interrupts()).isEqualTo(2);

        Thread.sleep(200);
        assertThat(sink.afterClose()).isZero();
        assertThat(sink.results()).noneMatch(r -> r.message().equals("late"));
    }

    @Test
    void atMostMaxConcurrentRunsAreInFlightAndTheRunsThatWaitStillRun() throws InterruptedException {
        List<ProbeSpec> specs = SchedulerSpecs.of("p0 100ms 90ms", "p1 100ms 90ms", "p2 100ms 90ms", "p3 100ms 90ms",
                "p4 100ms 90ms", "p5 100ms 90ms", "p6 100ms 90ms", "p7 100ms 90ms");
        SchedulerProbers.Busy prober = new SchedulerProbers.Busy(Duration.ofMillis(60));
        SchedulerStats stats;
        try (ProbeScheduler scheduler = scheduler(specs, prober, SchedulerOptions.defaults().withMaxConcurrent(3))) {
            scheduler.start();
            Thread.sleep(1500);
            stats = scheduler.stats();
        }
        // 8 probes × 60 ms every 100 ms asks for 4.8 runs at once; 3 permits cannot give that
        assertThat(prober.maxRunning()).isEqualTo(3);
        assertThat(prober.sameProbeOverlaps()).isZero();
        assertThat(stats.permitWaits()).isPositive();
        assertThat(stats.permitWait()).isPositive();
        assertThat(stats.skipped()).as("slots of probes still waiting for a permit").isPositive();
        for (ProbeSpec spec : specs) {
            assertThat(sink.of(spec.name())).as(spec.name()).hasSizeGreaterThanOrEqualTo(3).allMatch(r -> r.reason() == Reason.OK);
        }
        assertThat(stats.started()).isEqualTo(stats.completed() + stats.abandoned() + stats.cancelled() + stats.inFlight());
    }

    @Test
    void oneRoundRunsEveryProbeOnceWithinTheBoundAndReturnsInConfigOrder() {
        List<ProbeSpec> specs = SchedulerSpecs.of("p0 1s 100ms", "p1 1s 100ms", "p2 1s 100ms", "p3 1s 100ms", "p4 1s 100ms",
                "p5 1s 100ms", "p6 1s 100ms", "p7 1s 100ms", "p8 1s 100ms", "p9 1s 100ms");
        SchedulerProbers.Busy prober = new SchedulerProbers.Busy(Duration.ofMillis(80));
        try (ProbeScheduler scheduler = scheduler(specs, prober, SchedulerOptions.defaults().withMaxConcurrent(3))) {
            long began = System.nanoTime();
            List<ProbeResult> results = scheduler.runOnce();
            assertThat(millisSince(began)).as("four waves of at most three").isGreaterThanOrEqualTo(310);
            assertThat(results).extracting(ProbeResult::probe).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
            assertThat(results).allMatch(r -> r.reason() == Reason.OK);
            assertThat(prober.maxRunning()).isEqualTo(3);
            assertThat(scheduler.stats().permitWaits()).isGreaterThanOrEqualTo(7);
            assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(results);
        }
    }

    @Test
    void oneRoundReturnsEveryProbeOnceInOrderWhenOneHangs() {
        SchedulerProbers.Hanging prober = new SchedulerProbers.Hanging("b");
        List<ProbeSpec> specs = SchedulerSpecs.of("a 1s 100ms", "b 1s 100ms", "c 1s 100ms", "d 1s 100ms");
        SchedulerOptions options = SchedulerOptions.defaults().withGrace(Duration.ofMillis(100));
        try (ProbeScheduler scheduler = scheduler(specs, prober, options)) {
            long began = System.nanoTime();
            List<ProbeResult> results = scheduler.runOnce();
            assertThat(millisSince(began)).as("the hung probe costs timeout + grace").isBetween(190L, 1500L);
            assertThat(results).extracting(ProbeResult::probe).containsExactly("a", "b", "c", "d");
            assertThat(results).extracting(ProbeResult::reason).containsExactly(Reason.OK, Reason.TIMEOUT, Reason.OK, Reason.OK);
            assertThat(results.get(1).message()).startsWith("abandoned after ");
            assertThat(sink.results()).hasSize(4);
            scheduler.start(); // a round before the schedule is allowed; a round during it is not
            assertThatThrownBy(scheduler::runOnce).isInstanceOf(IllegalStateException.class).hasMessageContaining("started");
        } finally {
            prober.release();
        }
    }

    @Test
    void closeReturnsInBoundedTimeWhileProbesHangAndNothingReachesTheSinkAfter() throws InterruptedException {
        SchedulerProbers.Hanging prober = new SchedulerProbers.Hanging("x", "y", "z");
        List<ProbeSpec> specs = SchedulerSpecs.of("x 100ms 50ms", "y 100ms 50ms", "z 100ms 50ms");
        // the grace is far longer than the close wait: close must cut the runs short itself
        SchedulerOptions options = SchedulerOptions.defaults().withGrace(Duration.ofSeconds(30)).withCloseWait(Duration.ofMillis(300));
        ProbeScheduler scheduler = scheduler(specs, prober, options);
        try {
            scheduler.start();
            await(() -> prober.entered() == 3, WAIT, "all three probes hang");
            long began = System.nanoTime();
            scheduler.close();
            sink.closeReturned();
            assertThat(millisSince(began)).isBetween(250L, 1500L);
            SchedulerStats stats = scheduler.stats();
            assertThat(stats.cancelled()).isEqualTo(3);
            assertThat(stats.inFlight()).isZero();
            assertThat(stats.started()).isEqualTo(3);

            long again = System.nanoTime();
            scheduler.close();
            assertThat(millisSince(again)).as("close is idempotent").isLessThan(100);
            assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class).hasMessage("the probe scheduler is closed");
        } finally {
            prober.release();
        }
        Thread.sleep(300);
        assertThat(sink.results()).isEmpty();
        assertThat(prober.interrupts()).isEqualTo(3);
    }

    @Test
    void closeWaitsForRunsThatEndWithinTheCloseWait() {
        SchedulerProbers.Busy prober = new SchedulerProbers.Busy(Duration.ofMillis(150));
        ProbeScheduler scheduler = scheduler(SchedulerSpecs.of("busy 200ms 180ms"), prober,
                SchedulerOptions.defaults().withCloseWait(Duration.ofSeconds(3)));
        scheduler.start();
        await(() -> prober.entered() == 1, WAIT, "the run starts");
        long began = System.nanoTime();
        scheduler.close();
        sink.closeReturned();
        assertThat(millisSince(began)).isLessThan(1000);
        assertThat(sink.received()).hasSize(1).allMatch(r -> !r.afterClose() && r.result().reason() == Reason.OK);
        assertThat(scheduler.stats().completed()).isEqualTo(1);
        assertThat(scheduler.stats().cancelled()).isZero();
    }

    @Test
    void aProberThatThrowsAndASinkThatThrowsEachCostOneResultNotTheScheduler() {
        Prober broken = (spec, clock) -> {
            if (spec.name().equals("bug")) {
                throw new IllegalStateException("secret-token-123 leaked into a message");
            }
            return SchedulerProbers.ok(spec, clock.instant(), "ok");
        };
        List<ProbeResult> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<ProbeResult> throwing = result -> {
            seen.add(result);
            throw new IllegalStateException("journal full");
        };
        try (ProbeScheduler scheduler = new ProbeScheduler(SchedulerSpecs.of("bug 1s 100ms", "fine 1s 100ms"), broken, throwing,
                SchedulerOptions.defaults(), Clock.systemUTC(), new Random(1))) {
            List<ProbeResult> results = scheduler.runOnce();
            assertThat(results).extracting(ProbeResult::reason).containsExactly(Reason.ERROR, Reason.OK);
            assertThat(results.getFirst().message()).isEqualTo("the prober failed: IllegalStateException");
            assertThat(seen).hasSize(2);
            assertThat(scheduler.stats().sinkFailures()).isEqualTo(2);
            assertThat(scheduler.stats().completed()).isEqualTo(2);
        }
    }
}
