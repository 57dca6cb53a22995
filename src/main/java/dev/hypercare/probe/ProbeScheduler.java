package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs every probe on its own interval, as Prometheus drives blackbox_exporter, but self-driven.
 *
 * <p>Planning ({@link Schedule}): each probe's first run falls at a point spread over its first interval,
 * then every interval from that origin (no drift), each slot moved by up to ± the jitter fraction. A slot
 * that comes up while the probe's previous run still waits or runs is skipped and counted, never queued.
 * One timer thread waits for every slot and deadline; each run is a virtual thread, and at most
 * {@code maxConcurrent} of them hold a permit to probe; the rest wait for one in arrival order.
 *
 * <p>Hung probes: a prober should honour its timeout, but one may hang anyway (a bug, a DNS lookup that
 * ignores interrupts). At timeout + grace the scheduler ends the run itself: it emits a TIMEOUT result
 * (same probe, location and start), frees the permit, interrupts the thread and drops whatever result the
 * thread may still produce. The probe keeps its slots while its abandoned thread hangs, so one stuck
 * lookup does not silence it; only once {@code maxHungPerProbe} of its abandoned threads still hang are
 * its slots skipped, which bounds the threads a probe that always hangs can hold. Either way the other
 * probes keep their rate: they never wait on the hung thread, only on permits, which it no longer holds.
 *
 * <p>The sink is called from run threads, exactly once for every run that started (whose prober was
 * called), until {@link #close()}. Every timestamp comes from the injected clock; durations are measured
 * on the monotonic clock, as {@link ProbeRun} does.
 */
public final class ProbeScheduler implements AutoCloseable {
    private final List<ScheduledProbe> probes;
    private final Prober prober;
    private final SchedulerSink sink;
    private final SchedulerOptions options;
    private final Clock clock;
    private final RandomGenerator random;
    private final SchedulerTimer timer;
    private final Semaphore permits;
    /** Runs that have not ended their thread yet, for close to wait on or cut short. */
    private final Set<ScheduledRun> live = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeStarted = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;

    private final LongAdder runsStarted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder permitWaits = new LongAdder();
    private final LongAdder permitWaitNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger hung = new AtomicInteger();

    /**
     * @param specs  the probes, in config order
     * @param sink   receives every result, from run threads; it should be quick (a slow sink keeps the
     *               probe's run going, so its next slot may be skipped)
     * @param clock  for every timestamp and planning decision
     * @param random draws the spread of first runs and the jitter; seed it for repeatable plans
     */
    public ProbeScheduler(List<? extends ProbeSpec> specs, Prober prober, Consumer<ProbeResult> sink,
                          SchedulerOptions options, Clock clock, RandomGenerator random) {
        this(specs, prober, sink, options, clock, random, new SchedulerThread());
    }

    ProbeScheduler(List<? extends ProbeSpec> specs, Prober prober, Consumer<ProbeResult> sink,
                   SchedulerOptions options, Clock clock, RandomGenerator random, SchedulerTimer timer) {
        this.probes = specs.stream().map(ScheduledProbe::new).toList();
        this.prober = prober;
        this.sink = new SchedulerSink(sink);
        this.options = options;
        this.clock = clock;
        this.random = random;
        this.timer = timer;
        this.permits = new Semaphore(options.maxConcurrent(), true);
    }

    /** Plans every probe's first run and returns; runs follow until {@link #close()}. */
    public void start() {
        requireOpen();
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the probe scheduler is already started");
        }
        Instant now = clock.instant();
        List<Schedule> schedules = Schedule.spread(now,
                probes.stream().map(p -> p.spec().interval()).toList(), options.jitter(), random);
        for (int i = 0; i < probes.size(); i++) {
            ScheduledProbe probe = probes.get(i);
            probe.plan(schedules.get(i), 0);
            timer.after(Duration.between(now, schedules.get(i).origin()), () -> slot(probe));
        }
    }

    /**
     * One round, as {@code hypercare probe --once} needs: every probe once, at most {@code maxConcurrent}
     * at a time, each result also handed to the sink. Returns the results in config order once every run
     * has finished or was abandoned, so a hung probe costs its timeout + grace, no more. Not for use after
     * {@link #start()}, nor from two threads at once.
     *
     * @throws IllegalStateException when started, or closed before every probe ran
     */
    public List<ProbeResult> runOnce() {
        requireOpen();
        if (started.get()) {
            throw new IllegalStateException("the probe scheduler is started: runOnce is for a scheduler that is not");
        }
        List<ScheduledRun> runs = probes.stream().map(this::launch).toList();
        List<ProbeResult> results = new ArrayList<>(runs.size());
        for (ScheduledRun run : runs) {
            try {
                results.add(run.outcome().get());
            } catch (CancellationException | ExecutionException e) {
                throw new IllegalStateException("the probe scheduler closed before every probe ran");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the probes of one round");
            }
        }
        return results;
    }

    public SchedulerStats stats() {
        return new SchedulerStats(runsStarted.sum(), completed.sum(), abandoned.sum(), cancelled.sum(), skipped.sum(),
                inFlight.get(), waiting.get(), hung.get(), permitWaits.sum(), Duration.ofNanos(permitWaitNanos.sum()),
                sink.failures());
    }

    /**
     * Stops planning, lets runs that wait for a permit go without starting, and waits up to
     * {@code closeWait} for the runs in flight (each ends by its timeout + grace at the latest). Runs still
     * in flight then are cut short: interrupted, with no result. No sink call starts after close returns; a
     * sink call still under way at the deadline is not waited for beyond it. Idempotent: a second call
     * waits for the first.
     */
    @Override
    public void close() {
        if (!closeStarted.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        long deadline = System.nanoTime() + options.closeWait().toNanos();
        try {
            closing = true;
            // a woken waiter sees closing, does not start, and passes the permit on to the next waiter
            permits.release();
            awaitOutcomes(deadline);
            for (ScheduledRun run : live) {
                if (run.cancel()) {
                    run.deadline().cancel();
                    cancelled.increment();
                    inFlight.decrementAndGet();
                    permits.release();
                    run.thread().interrupt();
                    run.probe().release(run);
                    run.outcome().cancel(false);
                }
            }
            sink.shut();
            sink.awaitIdle(deadline);
        } finally {
            timer.close();
            closed.countDown();
        }
    }

    /** A slot came up (timer thread): decide, plan the next one, then start the run. */
    private void slot(ScheduledProbe probe) {
        if (closing) {
            return;
        }
        Instant now = clock.instant();
        Schedule.Step step = probe.schedule().step(probe.slot(), now,
                probe.busy(options.maxHungPerProbe()), random.nextDouble(-1.0, 1.0));
        probe.plan(step.schedule(), step.nextSlot());
        skipped.add(step.skipped());
        timer.after(Duration.between(now, step.nextDue()), () -> slot(probe));
        if (step.run()) {
            launch(probe);
        }
    }

    private ScheduledRun launch(ScheduledProbe probe) {
        ScheduledRun run = new ScheduledRun(probe);
        probe.activate(run);
        waiting.incrementAndGet();
        live.add(run);
        Thread thread = Thread.ofVirtual().name(probe.threadName()).unstarted(() -> work(run));
        run.thread(thread);
        thread.start();
        return run;
    }

    /** The run's own thread: wait for a permit, probe, hand the result over unless the run was abandoned. */
    private void work(ScheduledRun run) {
        try {
            if (acquirePermit(run)) {
                probe(run);
            }
        } finally {
            if (run.state() == ScheduledRun.State.ABANDONED) {
                run.probe().hung().decrementAndGet();
                hung.decrementAndGet();
            }
            live.remove(run);
        }
    }

    /** True once the run holds a permit and has begun; otherwise it never starts and counts as skipped. */
    private boolean acquirePermit(ScheduledRun run) {
        boolean held = false;
        try {
            held = permits.tryAcquire(0, TimeUnit.NANOSECONDS); // unlike tryAcquire(), keeps arrival order
            if (!held) {
                long since = System.nanoTime();
                permits.acquire();
                held = true;
                permitWaits.increment();
                permitWaitNanos.add(System.nanoTime() - since);
            }
        } catch (InterruptedException e) {
            // never started: nothing to report
        } finally {
            waiting.decrementAndGet();
        }
        if (held && !closing && run.begin(clock.instant(), System.nanoTime())) {
            return true;
        }
        if (held) {
            permits.release();
        }
        skipped.increment();
        run.probe().release(run);
        run.outcome().cancel(false);
        return false;
    }

    private void probe(ScheduledRun run) {
        runsStarted.increment();
        inFlight.incrementAndGet();
        ProbeSpec spec = run.spec();
        run.deadline(timer.after(spec.timeout().plus(options.grace()), () -> abandon(run)));
        ProbeResult result;
        try {
            result = prober.probe(spec, clock);
        } catch (RuntimeException | Error e) {
            // a prober bug still ends its run with exactly one result; the class name carries no secret
            result = new ProbeResult(spec.name(), spec.location(), run.start(), false, -1, Reason.ERROR,
                    Duration.ofNanos(System.nanoTime() - run.startNanos()), Map.of(), List.of(), Optional.empty(),
                    "the prober failed: " + e.getClass().getSimpleName());
        }
        if (!run.finish()) {
            return; // abandoned or cut short: this late result must not go out
        }
        run.deadline().cancel();
        permits.release();
        deliver(run, result, completed);
    }

    /** Timeout + grace passed (timer thread): end the run as TIMEOUT unless it ended meanwhile. */
    private void abandon(ScheduledRun run) {
        // counted before the state changes, so the thread's own decrement when it ends cannot come first
        run.probe().hung().incrementAndGet();
        hung.incrementAndGet();
        if (!run.abandon()) {
            run.probe().hung().decrementAndGet();
            hung.decrementAndGet();
            return;
        }
        permits.release();
        run.thread().interrupt();
        ProbeSpec spec = run.spec();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - run.startNanos());
        ProbeResult timeout = new ProbeResult(spec.name(), spec.location(), run.start(), false, -1, Reason.TIMEOUT,
                elapsed, Map.of(), List.of(), Optional.empty(),
                "abandoned after " + elapsed.toMillis() + " ms: no result within the timeout of "
                        + DurationText.format(spec.timeout()) + " and a grace of " + DurationText.format(options.grace()));
        // the sink may be slow; the timer thread must not wait on it
        Thread.ofVirtual().name(run.probe().threadName()).start(() -> deliver(run, timeout, abandoned));
    }

    /** The run's one result goes out; only then is the run over, for its probe and the counters. */
    private void deliver(ScheduledRun run, ProbeResult result, LongAdder outcome) {
        try {
            sink.emit(result);
        } finally {
            // even if the sink threw an Error: a probe left busy forever would never run again
            run.probe().release(run);
            outcome.increment();
            inFlight.decrementAndGet();
            run.outcome().complete(result);
        }
    }

    private void awaitOutcomes(long deadline) {
        CompletableFuture<?>[] pending = live.stream().map(ScheduledRun::outcome).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(pending).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // cancelled runs never started; the rest are cut short by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closeStarted.get()) {
            throw new IllegalStateException("the probe scheduler is closed");
        }
    }
}
