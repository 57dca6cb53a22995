package dev.hypercare.cli;

import dev.hypercare.BadInputException;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.ProbeDispatcher;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ProbeScheduler;
import dev.hypercare.probe.ProberWarmUp;
import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.probe.SchedulerOptions;
import dev.hypercare.runner.HeapAdvice;
import dev.hypercare.runner.OnceReport;
import dev.hypercare.runner.ProbeRunner;
import dev.hypercare.runner.RunnerOptions;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.TargetConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hypercare probe}: the synthetic probes of probes.yaml, continuously (journal, state, incidents,
 * alerts, /metrics) or once ({@code --once}). When the config points at {@code ${HYPERCARE_TARGET}} and
 * neither the environment nor {@code --target} sets it, the embedded demo target is started for it.
 */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the synthetic probes of probes.yaml on their schedule: every result journaled, rolling SLO windows,",
            "service state, incidents and alerts, Prometheus /metrics, /api/status and a status page.",
            "--once runs one round, prints it and exits 0 when every probe succeeded, 1 otherwise."
        })
public final class ProbeCommand implements Callable<Integer> {
    static final String TARGET_VARIABLE = "HYPERCARE_TARGET";
    static final String TARGET_WS_VARIABLE = "HYPERCARE_TARGET_WS";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "probes file (default: profiles/probes.yaml)")
    Path config;

    @Option(names = "--policy", paramLabel = "FILE", description = "SLO policy (default: profiles/slo.yaml)")
    Path policy;

    @Option(names = "--journal", paramLabel = "DIR", description = "journal directory (default: reports/journal)")
    Path journal;

    @Option(names = "--once", description = "run every probe once, print the results and exit 0 (all succeeded) or 1")
    boolean once;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9464",
            description = "where /metrics, /api/status and / are served (default: ${DEFAULT-VALUE}; port 0 = any free port)")
    String listen;

    @Option(names = "--target", paramLabel = "URL", converter = Converters.HttpUrlConverter.class,
            description = "sets ${HYPERCARE_TARGET} for the config (default: the environment, else the embedded demo target)")
    URI target;

    @Option(names = "--websocket-url", paramLabel = "URL", converter = Converters.WebSocketUrlConverter.class,
            description = "sets ${HYPERCARE_TARGET_WS} (default: the environment, else derived from --target)")
    URI webSocketUrl;

    @Option(names = "--duration", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "run this long, then exit with the service state: 0 OK or DEGRADED, 1 CRITICAL or ROLLBACK RECOMMENDED (default: until Ctrl-C)")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        Path home = HypercareHome.get();
        Path configFile = config != null ? config : home.resolve("profiles/probes.yaml");
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress listenOn = listenAddress(listen); // checked in every mode: a typo is not ignored
        Map<String, String> env = new HashMap<>(System.getenv());
        explicitTargets(env);
        Optional<DemoTarget> embedded = needsEmbeddedTarget(configFile, env) ? Optional.of(startTarget(env)) : Optional.empty();
        try {
            ProbeConfig probes = ProbeConfig.load(configFile, env);
            embedded.ifPresent(t -> out.println("hypercare probe: embedded demo target " + t.httpUrl() + " (websocket " + t.webSocketUrl() + ")"));
            if (once) {
                return runOnce(probes, env, out);
            }
            if (duration != null && duration.toMillis() < 1) {
                throw new BadInputException("--duration: expected a duration of 1ms or more, found " + duration);
            }
            HeapAdvice.check(probes.probes().size(), Runtime.getRuntime().maxMemory()).ifPresent(spec.commandLine().getErr()::println);
            SloPolicy slo = SloPolicy.load(policy != null ? policy : home.resolve("profiles/slo.yaml"));
            RunnerOptions options = new RunnerOptions(probes, slo, journal != null ? journal : home.resolve("reports/journal"),
                    listenOn, Map.copyOf(env), Clock.systemUTC());
            return runContinuously(options, out);
        } finally {
            embedded.ifPresent(DemoTarget::close);
        }
    }

    private int runOnce(ProbeConfig probes, Map<String, String> env, PrintWriter out) {
        List<ProbeSpec> specs = probes.probes();
        SchedulerOptions options = SchedulerOptions.defaults().withMaxConcurrent(probes.evaluation().maxConcurrent());
        List<ProbeResult> results;
        ProberWarmUp.run(); // a cold JVM's first probe is slow: pay it on 127.0.0.1, not in the target's figures
        try (ProbeScheduler scheduler = new ProbeScheduler(specs, new ProbeDispatcher(env), r -> { }, options,
                Clock.systemUTC(), new SplittableRandom())) {
            results = scheduler.runOnce();
        }
        out.println(OnceReport.render(results));
        out.flush();
        return OnceReport.allSucceeded(results) ? ExitCode.GO : ExitCode.NO_GO;
    }

    private int runContinuously(RunnerOptions options, PrintWriter out) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        try (ProbeRunner runner = ProbeRunner.start(options, out)) {
            Thread hook = new Thread(stop::countDown, "hypercare-probe-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (duration != null) {
                    stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
            } finally {
                removeHook(hook);
            }
            return runner.exitCode();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting through the hook: nothing to undo
        }
    }

    private void explicitTargets(Map<String, String> env) {
        if (target != null) {
            env.put(TARGET_VARIABLE, stripSlash(target.toString()));
            if (webSocketUrl == null) {
                env.put(TARGET_WS_VARIABLE, stripSlash(target.toString()).replaceFirst("(?i)^http", "ws"));
            }
        }
        if (webSocketUrl != null) {
            env.put(TARGET_WS_VARIABLE, stripSlash(webSocketUrl.toString()));
        }
    }

    /** The config names the target variables and nothing sets them: the demo target stands in. */
    private static boolean needsEmbeddedTarget(Path configFile, Map<String, String> env) {
        if (env.containsKey(TARGET_VARIABLE) && env.containsKey(TARGET_WS_VARIABLE)) {
            return false;
        }
        try {
            String text = Files.readString(configFile);
            return text.contains("${" + TARGET_VARIABLE + "}") || text.contains("${" + TARGET_WS_VARIABLE + "}");
        } catch (java.io.IOException e) {
            return false; // the loader reports the unreadable file in its own words
        }
    }

    private static DemoTarget startTarget(Map<String, String> env) throws Exception {
        DemoTarget t = DemoTarget.start(TargetConfig.defaults());
        env.putIfAbsent(TARGET_VARIABLE, stripSlash(t.httpUrl().toString()));
        env.putIfAbsent(TARGET_WS_VARIABLE, stripSlash(t.webSocketUrl().resolve("/").toString()));
        return t;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static InetSocketAddress listenAddress(String text) {
        int colon = text.lastIndexOf(':');
        String expected = "--listen: expected HOST:PORT like 127.0.0.1:9464 (port 0 = any free port), found '" + text + "'";
        if (colon <= 0) {
            throw new BadInputException(expected);
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BadInputException(expected);
        }
        if (port < 0 || port > 65_535) {
            throw new BadInputException(expected);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new BadInputException("--listen: expected an address of this machine such as 127.0.0.1, found '" + host + "'");
        }
        return address;
    }
}
