package dev.hypercare.runner;

import dev.hypercare.BadInputException;
import dev.hypercare.alert.AlertOutbox;
import dev.hypercare.alert.OutboxOptions;
import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentChange;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.StateChange;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalEntry;
import dev.hypercare.metrics.ExpositionServer;
import dev.hypercare.metrics.ProbeMetrics;
import dev.hypercare.probe.ProbeDispatcher;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ProbeScheduler;
import dev.hypercare.probe.ProberWarmUp;
import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.probe.RollingWindows;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hypercare probe runner: the scheduler runs the probes; every result is journaled and counted in
 * /metrics on the prober's thread, then handed to one judging thread that owns the {@link RunnerCore}.
 * Incident changes are journaled durably before their alerts go to the outbox, and after a restart the
 * recent changes are offered to the outbox again (it ignores ids it has), so a crash between the two
 * loses no alert and duplicates none. /metrics, /api/status and / are served on the listen address.
 */
public final class ProbeRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProbeRunner.class.getName());
    /** Results queued for judging beyond this are judged late, never dropped: the queue only bounds memory. */
    private static final int QUEUE_CAPACITY = 100_000;
    /** Alerts of changes older than this are not offered again after a restart (the outbox remembers far longer). */
    private static final Duration REPLAY_ALERTS = Duration.ofHours(24);
    private static final Duration STATUS_MAX_AGE = Duration.ofSeconds(1);

    private final RunnerOptions options;
    private final PrintWriter out;
    private final Journal journal;
    private final AlertOutbox outbox;
    private final RollingWindows windows;
    private final RunnerCore core;
    private final ProbeMetrics metrics;
    private final ProbeScheduler scheduler;
    private final ExpositionServer server;
    private final BlockingQueue<ProbeResult> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread judge;
    private final Instant since;
    private volatile boolean stopping;
    private volatile RunnerStatus cachedStatus;

    private ProbeRunner(RunnerOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.since = options.clock().instant();
        this.windows = new RollingWindows(options.clock());
        this.core = new RunnerCore(options.config(), options.policy(), windows);
        this.metrics = ProbeMetrics.create();
        Journal opened = Journal.open(options.journalDir(), options.journal(), options.clock());
        AlertOutbox box = null;
        try {
            box = AlertOutbox.open(options.journalDir().resolve("outbox"), options.config().alerts(), options.env(), options.clock(),
                    OutboxOptions.defaults());
            this.journal = opened;
            this.outbox = box;
            restore();
            this.server = serve(options, metrics);
        } catch (RuntimeException e) {
            if (box != null) {
                box.close();
            }
            opened.close();
            throw e;
        }
        this.scheduler = new ProbeScheduler(options.config().probes(), new ProbeDispatcher(options.env()), this::accept,
                options.scheduler(), options.clock(), new SplittableRandom());
        this.judge = Thread.ofPlatform().name("hypercare-judge").daemon().unstarted(this::judgeLoop);
    }

    private ExpositionServer serve(RunnerOptions options, ProbeMetrics metrics) {
        try {
            return ExpositionServer.start(options.listen(), metrics, this::status);
        } catch (java.io.IOException e) {
            throw new BadInputException("--listen: expected a free address and port, found " + e.getMessage(), e);
        }
    }

    /** Opens the journal and outbox, restores what they hold, starts serving and probing. */
    public static ProbeRunner start(RunnerOptions options, PrintWriter out) {
        ProbeRunner runner = new ProbeRunner(options, out);
        ProberWarmUp.run(); // the first probe of a cold JVM is slow: not the target's fault, so not in its figures
        runner.judge.start();
        runner.scheduler.start();
        int n = options.config().probes().size();
        runner.say("hypercare probe: " + n + (n == 1 ? " probe" : " probes") + " of service " + options.config().service()
                + ", journal " + options.journalDir() + ", status http://" + hostPort(runner) + "/ (metrics at /metrics)");
        return runner;
    }

    private static String hostPort(ProbeRunner runner) {
        var a = runner.server.address();
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Where the status is served (the port is the bound one when 0 was asked for). */
    public java.net.InetSocketAddress address() {
        return server.address();
    }

    /** The runner now; rebuilt at most once a second, since per-probe windows are not free. */
    public RunnerStatus status() {
        RunnerStatus cached = cachedStatus;
        Instant now = options.clock().instant();
        if (cached != null && Duration.between(cached.time(), now).compareTo(STATUS_MAX_AGE) < 0 && !now.isBefore(cached.time())) {
            return cached;
        }
        RunnerCore.View view = core.view();
        List<ProbeStatus> probes = new ArrayList<>();
        for (ProbeSpec spec : options.config().probes()) {
            probes.add(new ProbeStatus(spec.name(), spec.kind(), spec.location(), spec.severity(),
                    view.up().getOrDefault(spec.name(), true), Optional.ofNullable(view.last().get(spec.name())),
                    windows.probeStats(spec.name(), now)));
        }
        RunnerStatus status = new RunnerStatus(now, since, options.config().service(), view.assessment().state(),
                view.assessment().reasons(), windows.serviceStats(now), view.burnRates(), probes, view.openIncidents());
        cachedStatus = status;
        return status;
    }

    /** The exit code of a bounded run: 0 when the service ends OK or DEGRADED, 1 when CRITICAL or worse. */
    public int exitCode() {
        ServiceState state = core.view().assessment().state();
        return state.compareTo(ServiceState.CRITICAL) >= 0 ? 1 : 0;
    }

    /** On a prober's thread: journal and count the result, then queue it for judging. */
    private void accept(ProbeResult result) {
        journal.append(ResultCodec.KIND, result.start(), ResultCodec.encode(result));
        metrics.record(result);
        try {
            queue.put(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the result is journaled, the judge will not need it
        }
    }

    private void judgeLoop() {
        long tickNanos = options.tick().toNanos();
        long nextTick = System.nanoTime();
        while (!stopping) {
            try {
                ProbeResult result = queue.poll(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (result != null) {
                    apply(core.onResult(result));
                }
                if (System.nanoTime() - nextTick >= 0) {
                    apply(core.evaluate(options.clock().instant()));
                    nextTick = System.nanoTime() + tickNanos;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a bug in one step must not stop the judging of the next ones
                LOG.log(System.Logger.Level.ERROR, "hypercare probe: judging failed", e);
            }
        }
    }

    /** Journal first (durably), then alert: the order that lets a restart finish what a crash cut short. */
    private void apply(RunnerCore.Step step) {
        for (IncidentChange change : step.incidents()) {
            Incident incident = change.incident();
            journal.appendDurably(IncidentCodec.INCIDENT, lastChange(incident), IncidentCodec.encode(incident));
            say(lastChange(incident) + " " + change.why());
            outbox.enqueue(IncidentAlerts.of(change, options.config().service()));
        }
        step.state().ifPresent(s -> {
            journal.appendDurably(IncidentCodec.STATE, s.time(), IncidentCodec.encode(s));
            say(s.time() + " state " + s.from().label() + " -> " + s.to().label()
                    + (s.reasons().isEmpty() ? "" : ": " + String.join("; ", s.reasons())));
            cachedStatus = null;
        });
        if (!step.incidents().isEmpty()) {
            cachedStatus = null;
        }
    }

    private static Instant lastChange(Incident incident) {
        return incident.timeline().isEmpty() ? incident.opened() : incident.timeline().getLast().time();
    }

    /** Reads the whole journal once: results of the last 7 days feed the windows; incidents and state come back. */
    private void restore() {
        Instant now = options.clock().instant();
        Instant windowStart = now.minus(RollingWindows.RETENTION);
        List<Incident> snapshots = new ArrayList<>();
        Map<String, ProbeResult> lastResults = new HashMap<>();
        Optional<ServiceState> lastState = Optional.empty();
        long results = 0;
        try (Stream<JournalEntry> entries = journal.readAll()) {
            for (JournalEntry e : (Iterable<JournalEntry>) entries::iterator) {
                switch (e.kind()) {
                    case ResultCodec.KIND -> {
                        if (!e.time().isBefore(windowStart)) {
                            ProbeResult r = ResultCodec.decode(e.payload());
                            windows.record(r);
                            lastResults.put(r.probe(), r);
                            results++;
                        }
                    }
                    case IncidentCodec.INCIDENT -> snapshots.add(IncidentCodec.decodeIncident(e.payload()));
                    case IncidentCodec.STATE -> lastState = Optional.of(IncidentCodec.decodeState(e.payload()).to());
                    default -> { } // kinds of later versions are left for them
                }
            }
        }
        List<IncidentChange> repairs = core.restore(snapshots, lastState, lastResults, now);
        // offer recent alerts again: the outbox ignores those it already holds
        Instant alertsSince = now.minus(REPLAY_ALERTS);
        for (IncidentChange change : ChangeReplay.changes(snapshots)) {
            if (!lastChange(change.incident()).isBefore(alertsSince)) {
                outbox.enqueue(IncidentAlerts.of(change, options.config().service()));
            }
        }
        apply(new RunnerCore.Step(repairs, Optional.empty()));
        long open = core.open().size();
        if (results > 0 || !snapshots.isEmpty()) {
            say("hypercare probe: restored " + results + " results of the last 7 days, " + open + " open incident"
                    + (open == 1 ? "" : "s") + journal.recovery().problems().stream().map(p -> "; " + p.describe()).reduce("", String::concat));
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Stops probing, judges what is queued, then closes the server, the outbox and the journal. */
    @Override
    public void close() {
        scheduler.close();
        stopping = true;
        judge.interrupt();
        try {
            judge.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProbeResult> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(r -> apply(core.onResult(r)));
        server.close();
        outbox.close();
        journal.close();
    }
}
