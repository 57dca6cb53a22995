package dev.hypercare.probe;

import static dev.hypercare.probe.SchedulerRecorder.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * The whole scheduler on a clock and timer the test steps by hand: the skip rule and the hung-probe rule,
 * slot by slot. Runs still use real threads, so each step waits for them to get where the step needs.
 */
class ProbeSchedulerSteppedTest {
    private static final Instant S = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SchedulerManualClock clock = new SchedulerManualClock(S);
    private final SchedulerManualTimer timer = new SchedulerManualTimer(clock);
    private final SchedulerRecorder sink = new SchedulerRecorder();

    private ProbeScheduler scheduler(List<ProbeSpec> specs, Prober prober, SchedulerOptions options) {
        return new ProbeScheduler(specs, prober, sink, options, clock, new Random(11), timer);
    }

    private void stepTo(long millis) {
        timer.advanceTo(S.plusMillis(millis));
    }

    @Test
    void aSlotThatComesWhileTheRunIsStillGoingIsSkippedAndTheProbeResumesAfter() {
        Semaphore answer = new Semaphore(0);
        Prober slow = (spec, c) -> {
            Instant start = c.instant();
            answer.acquireUninterruptibly();
            return SchedulerProbers.ok(spec, start, "ok");
        };
        SchedulerOptions options = SchedulerOptions.defaults().withJitter(0).withGrace(Duration.ofSeconds(30));
        try (ProbeScheduler scheduler = scheduler(SchedulerSpecs.of("slow 1s 500ms"), slow, options)) {
            scheduler.start();
            stepTo(1000);
            await(() -> scheduler.stats().started() == 1, WAIT, "the first run starts");
            stepTo(2000);
            stepTo(3000);
            assertThat(scheduler.stats().skipped()).isEqualTo(2);
            assertThat(scheduler.stats().started()).isEqualTo(1);

            answer.release();
            await(() -> scheduler.stats().completed() == 1 && scheduler.stats().inFlight() == 0, WAIT, "the first run ends");
            stepTo(4000);
            await(() -> scheduler.stats().started() == 2, WAIT, "the probe runs again");
            answer.release();
            await(() -> scheduler.stats().completed() == 2, WAIT, "the second run ends");
            assertThat(scheduler.stats().skipped()).isEqualTo(2);
            assertThat(sink.results()).extracting(ProbeResult::reason).containsExactly(Reason.OK, Reason.OK);
            // starts come from the injected clock: the first within the first interval, the second at the 4th slot
            assertThat(sink.results().get(0).start()).isBetween(S, S.plusSeconds(1));
            assertThat(sink.results().get(1).start()).isBetween(S.plusSeconds(3), S.plusSeconds(4));
        }
    }

    @Test
    void aHungProbeKeepsItsSlotsUntilMaxHungOfItsThreadsStillHangThenSkipsUntilTheyEnd() {
        SchedulerProbers.Hanging prober = new SchedulerProbers.Hanging("stuck");
        SchedulerOptions options = SchedulerOptions.defaults().withJitter(0).withGrace(Duration.ofMillis(100))
                .withMaxHungPerProbe(2);
        try (ProbeScheduler scheduler = scheduler(SchedulerSpecs.of("stuck 1s 100ms"), prober, options)) {
            scheduler.start();
            stepTo(1000);
            await(() -> prober.entered() == 1, WAIT, "the first run hangs");
            stepTo(1200); // past timeout + grace
            await(() -> scheduler.stats().abandoned() == 1 && scheduler.stats().inFlight() == 0, WAIT, "the first run is abandoned");
            assertThat(scheduler.stats().hung()).isEqualTo(1);

            stepTo(2000);
            await(() -> prober.entered() == 2, WAIT, "a second run starts while the first still hangs");
            stepTo(2200);
            await(() -> scheduler.stats().abandoned() == 2 && scheduler.stats().inFlight() == 0, WAIT, "the second run is abandoned");
            assertThat(scheduler.stats().hung()).isEqualTo(2);

            stepTo(3000);
            assertThat(scheduler.stats().skipped()).as("two threads hang: the third slot is skipped").isEqualTo(1);
            assertThat(prober.entered()).isEqualTo(2);

            prober.release();
            await(() -> scheduler.stats().hung() == 0, WAIT, "the abandoned threads end");
            stepTo(4000);
            await(() -> scheduler.stats().completed() == 1, WAIT, "the probe runs again");

            assertThat(sink.results()).extracting(ProbeResult::reason).containsExactly(Reason.TIMEOUT, Reason.TIMEOUT, Reason.OK);
            assertThat(sink.results()).extracting(ProbeResult::message).noneMatch(m -> m.equals("late"));
            ProbeResult first = sink.results().getFirst();
            assertThat(first.probe()).isEqualTo("stuck");
            assertThat(first.location()).isEqualTo("lab");
            assertThat(first.success()).isFalse();
            assertThat(first.start()).isBetween(S, S.plusSeconds(1));
            assertThat(first.message()).matches("abandoned after \\d+ ms: no result within the timeout of 100ms and a grace of 100ms");
            assertThat(prober.interrupts()).as("each abandoned thread was interrupted").isEqualTo(2);
            assertThat(scheduler.stats().started()).isEqualTo(3);
        }
    }
}
