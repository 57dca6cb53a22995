package dev.hypercare.load.probes;

import dev.hypercare.DurationText;
import dev.hypercare.probe.Evaluation;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.ProbeDispatcher;
import dev.hypercare.probe.ProbeScheduler;
import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.probe.SchedulerOptions;
import dev.hypercare.runner.ProbeRunner;
import dev.hypercare.runner.RunnerOptions;
import dev.hypercare.slo.SloPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The health probes of probes.yaml, run beside a load test against the same target, so that the
 * go/no-go report can say how the health endpoints held up under load. A full {@link ProbeRunner}
 * (journal, incidents, status page on 127.0.0.1 at a free port), with these differences from
 * {@code hypercare probe}:
 * <ul>
 *   <li>{@code ${HYPERCARE_TARGET}} and {@code ${HYPERCARE_TARGET_WS}} are the load's target: its base
 *       URL, and its WebSocket URL without the path, as {@code hypercare probe} sets them for the
 *       embedded target. They override the environment, which still fills every other placeholder.</li>
 *   <li>Each probe runs at least {@value #RESULTS_PER_HOLD} times over the hold: every
 *       {@code min(interval, hold / 20)}, but not more often than once a second. A 25 s smoke hold at the
 *       file's 15-30 s intervals would give the policy too few results to judge; a 15-minute hold keeps
 *       the file's intervals. Timeouts are kept: a slow answer is judged as in hypercare, and a slot that
 *       comes up while the previous run still waits is skipped.</li>
 *   <li>Alert channels are dropped: incidents of a load test belong in its report, not on someone's pager.</li>
 *   <li>The live state (status page, the runner's transcript) judges at most the last minute, not the
 *       file's {@code evaluation.window}: a blip while Gatling boots must not colour the whole run. The
 *       gate judges the journal afterwards, over the hold, whatever this window.</li>
 *   <li>Every probe runs once before the runner starts, its result dropped: the first run of a prober
 *       in this JVM measures class loading, not the target.</li>
 * </ul>
 * Probing never stops a load test: a runner that cannot start or stop cleanly is a warning, and the
 * gate then has no (or fewer) probe results.
 */
public final class ProbeSidecar implements AutoCloseable {
    public static final String TARGET_VARIABLE = "HYPERCARE_TARGET";
    public static final String TARGET_WS_VARIABLE = "HYPERCARE_TARGET_WS";
    public static final int RESULTS_PER_HOLD = 20;
    public static final Duration FASTEST = Duration.ofSeconds(1);
    /** The longest window the live status judges: a load test's health changes by the minute. */
    public static final Duration LIVE_WINDOW = Duration.ofMinutes(1);

    private final ProbeRunner runner;
    private final PrintWriter transcript;
    private final PrintStream out;

    private ProbeSidecar(ProbeRunner runner, PrintWriter transcript, PrintStream out) {
        this.runner = runner;
        this.transcript = transcript;
        this.out = out;
    }

    /** What will run: the probes file, its probes paced for the hold, without alert channels. */
    public record Plan(Path file, ProbeConfig config) {
        /** {@code every 1s} or {@code every 1s to 15s}. */
        public String cadence() {
            Duration fastest = config.probes().stream().map(ProbeSpec::interval).min(Duration::compareTo).orElseThrow();
            Duration slowest = config.probes().stream().map(ProbeSpec::interval).max(Duration::compareTo).orElseThrow();
            return "every " + DurationText.format(fastest) + (fastest.equals(slowest) ? "" : " to " + DurationText.format(slowest));
        }
    }

    /**
     * Loads {@code file} strictly with {@code env} (a bad file is one line of bad input, before anything
     * starts) and paces it for {@code hold}.
     */
    public static Plan plan(Path file, Map<String, String> env, Duration hold) {
        ProbeConfig loaded = ProbeConfig.load(file, env);
        ProbeConfig paced = paced(loaded, hold);
        Evaluation e = paced.evaluation();
        Duration window = e.window().compareTo(LIVE_WINDOW) > 0 ? LIVE_WINDOW : e.window();
        return new Plan(file, new ProbeConfig(paced.service(), new Evaluation(window, e.failuresToOpen(), e.successesToResolve(),
                e.maxConcurrent()), paced.probes(), List.of()));
    }

    /** Every probe at most {@link #pace} apart. */
    static ProbeConfig paced(ProbeConfig config, Duration hold) {
        return config.withProbes(config.probes().stream().map(p -> withInterval(p, pace(p.interval(), hold))).toList());
    }

    /** {@code min(configured, hold / 20)}, but at least {@link #FASTEST} (and never slower than configured). */
    static Duration pace(Duration configured, Duration hold) {
        Duration share = hold.dividedBy(RESULTS_PER_HOLD);
        Duration wanted = share.compareTo(FASTEST) < 0 ? FASTEST : share;
        return wanted.compareTo(configured) < 0 ? wanted : configured;
    }

    private static ProbeSpec withInterval(ProbeSpec spec, Duration interval) {
        if (interval.equals(spec.interval())) {
            return spec;
        }
        return switch (spec) {
            case ProbeSpec.Http h -> new ProbeSpec.Http(h.name(), h.url(), interval, h.timeout(), h.location(), h.severity(),
                    h.method(), h.headers(), h.conditions(), h.maxBodyBytes(), h.followRedirects());
            case ProbeSpec.WebSocket w -> new ProbeSpec.WebSocket(w.name(), w.url(), interval, w.timeout(), w.location(), w.severity(),
                    w.subprotocol(), w.headers(), w.send(), w.expect());
            case ProbeSpec.Tls t -> new ProbeSpec.Tls(t.name(), t.url(), interval, t.timeout(), t.location(), t.severity(),
                    t.warnDays(), t.criticalDays());
        };
    }

    /** {@code base} with the target variables set to the load's target. */
    public static Map<String, String> environment(Map<String, String> base, URI target, URI webSocket) {
        Map<String, String> env = new HashMap<>(base);
        env.put(TARGET_VARIABLE, withoutTrailingSlash(target.toString()));
        env.put(TARGET_WS_VARIABLE, withoutTrailingSlash(webSocket.resolve("/").toString()));
        return Map.copyOf(env);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Starts the probes: journal in {@code journal}, the runner's own lines (state changes, incidents)
     * in {@code transcript}, one line on {@code out}. Empty, after a warning on {@code out}, when they
     * cannot start: the load test goes on without them.
     */
    public static Optional<ProbeSidecar> start(Plan plan, SloPolicy policy, Map<String, String> env, Path journal, Path transcript,
                                               PrintStream out) {
        PrintWriter lines = null;
        try {
            warmUp(plan, env);
            lines = new PrintWriter(Files.newBufferedWriter(transcript, StandardCharsets.UTF_8), true);
            RunnerOptions options = new RunnerOptions(plan.config(), policy, journal,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), env, Clock.systemUTC());
            ProbeRunner runner = ProbeRunner.start(options, lines);
            InetSocketAddress at = runner.address();
            int count = plan.config().probes().size();
            out.println("hypercare: health probes: " + count + (count == 1 ? " probe" : " probes") + " of " + plan.file() + " "
                    + plan.cadence() + " against the same target; status http://" + at.getAddress().getHostAddress() + ":" + at.getPort()
                    + "/ (journal " + journal + ")");
            return Optional.of(new ProbeSidecar(runner, lines, out));
        } catch (IOException | RuntimeException e) {
            if (lines != null) {
                lines.close();
            }
            out.println("hypercare: warning: the health probes did not start (" + oneLine(e) + "); the load test runs without them");
            return Optional.empty();
        }
    }

    /**
     * One round of every probe whose results are dropped: a prober's first run in this JVM loads its
     * classes (HTTP client, WebSocket client, TLS) and takes hundreds of milliseconds, which is the
     * tool's cost, not the target's, and would fail a {@code [RESPONSE_TIME] < 500ms} condition.
     */
    private static void warmUp(Plan plan, Map<String, String> env) {
        try (ProbeScheduler once = new ProbeScheduler(plan.config().probes(), new ProbeDispatcher(env), result -> { },
                SchedulerOptions.defaults().withMaxConcurrent(plan.config().evaluation().maxConcurrent()), Clock.systemUTC(),
                new SplittableRandom())) {
            once.runOnce();
        }
    }

    /** Where the status page and /metrics are served. */
    public InetSocketAddress address() {
        return runner.address();
    }

    /** Stops probing and closes the journal, so the gate can read it; a failure here is a warning. */
    @Override
    public void close() {
        try {
            runner.close();
        } catch (RuntimeException e) {
            out.println("hypercare: warning: the health probes did not stop cleanly (" + oneLine(e) + "); their journal may end early");
        } finally {
            transcript.close();
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
