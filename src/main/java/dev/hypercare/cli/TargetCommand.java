package dev.hypercare.cli;

import dev.hypercare.DurationText;

import dev.hypercare.BadInputException;
import dev.hypercare.BuildInfo;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Faults;
import dev.hypercare.target.LatencyDistribution;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypercare target}: runs the embedded demo target until Ctrl-C, or for {@code --for DURATION}. */
@Command(
        name = "target",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the embedded demo target: an HTTP API, a WebSocket server and an admin API to inject faults.",
            "Load tests and probes point at it to produce known good and known bad outcomes."
        })
public final class TargetCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "HTTP port (default: 0, any free port)")
    int httpPort;

    @Option(names = "--ws-port", paramLabel = "PORT", defaultValue = "0",
            description = "WebSocket port (default: 0, any free port)")
    int webSocketPort;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "0",
            description = "admin API port (default: 0, any free port)")
    int adminPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); loopback only unless --allow-non-loopback")
    String bind;

    @Option(names = "--allow-non-loopback",
            description = "allow --bind to a non-loopback address, exposing the target to the network")
    boolean allowNonLoopback;

    @Option(names = "--latency", paramLabel = "DIST", defaultValue = "none",
            description = "added delay: none, 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms)")
    String latency;

    @Option(names = "--error-rate", paramLabel = "RATE", defaultValue = "0",
            description = "fraction (0..1) of public HTTP requests that answer 503")
    String errorRate;

    @Option(names = "--auth-failure-rate", paramLabel = "RATE", defaultValue = "0",
            description = "fraction (0..1) of logins that answer 401")
    String authFailureRate;

    @Option(names = "--outage", paramLabel = "KIND", defaultValue = "none",
            description = "none, unhealthy (health checks and the API answer 503) or down (connections refused)")
    String outage;

    @Option(names = "--broadcast-interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "time between WebSocket broadcasts to each subscribed channel (default: ${DEFAULT-VALUE})")
    String broadcastInterval;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "run this long, then exit 0 (default: until Ctrl-C)")
    Optional<String> runFor = Optional.empty();

    @Override
    public Integer call() throws Exception {
        TargetConfig config = config();
        Optional<Duration> duration = runFor.map(text -> positive("--for", text));
        DemoTarget target = start(config);
        PrintWriter out = spec.commandLine().getOut();
        out.println(banner(target, duration));
        out.flush();
        if (duration.isPresent()) {
            try (target) {
                Thread.sleep(duration.get());
            }
            return ExitCode.GO;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            target.close();
            stopped.countDown();
        }, "hypercare-target-shutdown"));
        stopped.await();
        return ExitCode.GO;
    }

    /** The configuration the flags describe; any bad value is a one-line {@link BadInputException}. */
    TargetConfig config() {
        Faults faults = new Faults(
                LatencyDistribution.parse("--latency", latency),
                Faults.parseRate("--error-rate", errorRate),
                Faults.parseRate("--auth-failure-rate", authFailureRate),
                Outage.parse("--outage", outage));
        return new TargetConfig(
                bindAddress(),
                port("--port", httpPort),
                port("--ws-port", webSocketPort),
                port("--admin-port", adminPort),
                faults,
                positive("--broadcast-interval", broadcastInterval),
                BuildInfo.current().hypercareVersion());
    }

    private static DemoTarget start(TargetConfig config) throws Exception {
        try {
            return DemoTarget.start(config);
        } catch (BindException e) {
            // a taken port is the user's to fix, like any other bad flag
            throw new BadInputException("--port, --ws-port, --admin-port: expected free ports on " + config.bindHost()
                    + ", found one in use (" + e.getMessage() + ")", e);
        }
    }

    private String bindAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new BadInputException("--bind: expected an address of this machine such as 127.0.0.1, found '" + bind + "'");
        }
        if (!allowNonLoopback && !address.isLoopbackAddress()) {
            throw new BadInputException("--bind: expected a loopback address such as 127.0.0.1 (or add"
                    + " --allow-non-loopback to expose the target to the network), found '" + bind + "'");
        }
        return address.getHostAddress();
    }

    private static int port(String flag, int port) {
        if (port < 0 || port > 65_535) {
            throw new BadInputException(flag + ": expected a port from 0 (any free port) to 65535, found '" + port + "'");
        }
        return port;
    }

    private static Duration positive(String flag, String text) {
        Duration duration = DurationText.parse(flag, text);
        if (duration.toMillis() < 1) {
            throw new BadInputException(flag + ": expected a duration of 1ms or more, found '" + text + "'");
        }
        return duration;
    }

    private static String banner(DemoTarget target, Optional<Duration> duration) {
        return String.join(System.lineSeparator(),
                "hypercare target: " + target.httpUrl() + "  (landing page, /api/health, /api/tasks)",
                "  websocket: " + target.webSocketUrl(),
                "  admin:     " + target.adminUrl() + "  token " + target.adminToken()
                        + "  (Authorization: Bearer <token>)",
                "  faults:    " + target.faults().describe(),
                duration.map(d -> "  running for " + DurationText.format(d)).orElse("  press Ctrl-C to stop"));
    }
}
