package dev.hypercare.cli;

import dev.hypercare.load.LoadGate;
import dev.hypercare.load.LoadOptions;
import dev.hypercare.load.LoadResult;
import dev.hypercare.load.LoadRunner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a Gatling load test from a traffic profile and writes reports/<run-id>/.",
            "Without --target it starts the embedded demo target on 127.0.0.1.",
            "The health probes of profiles/probes.yaml run beside the load against the same target (--no-probes: none).",
            "Ends with the go/no-go gate: exits 0 GO, 1 NO-GO or ROLLBACK, 3 INCONCLUSIVE."
        })
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "smoke", paramLabel = "NAME|FILE",
            description = "Profile name in profiles/ (smoke, realistic, optimistic, worst-case) or a YAML file. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--target", paramLabel = "URL", converter = Converters.HttpUrlConverter.class,
            description = "Base URL of the system under test. Hosts other than loopback must be in the profile's allowedTargets or given with --allow-target.")
    URI target;

    @Option(names = "--websocket-url", paramLabel = "URL", converter = Converters.WebSocketUrlConverter.class,
            description = "WebSocket URL with --target, when it is not the target's host with the profile's path (e.g. a standalone `hypercare target`, whose sockets have their own port).")
    URI webSocketUrl;

    @Option(names = "--scale", defaultValue = "1.0", paramLabel = "F",
            description = "Multiplies every arrival rate and connection count. Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--duration", paramLabel = "D", converter = Converters.DurationConverter.class,
            description = "Replaces the profile's hold, e.g. 10s or 5m.")
    Duration duration;

    @Option(names = "--allow-target", paramLabel = "HOST",
            description = "Allows load against HOST although the profile does not list it (repeatable).")
    List<String> allowTargets = new ArrayList<>();

    @Option(names = "--reports", paramLabel = "DIR", description = "Where run directories go. Default: reports/ in the project.")
    Path reports;

    @Option(names = "--probes", paramLabel = "FILE",
            description = "Health probes to run beside the load against the same target (default: profiles/probes.yaml); "
                    + "the report judges them over the hold and lists the incidents they opened.")
    Path probes;

    @Option(names = "--no-probes", description = "Run no health probes: the probe thresholds are then not judged (SKIPPED).")
    boolean noProbes;

    @picocli.CommandLine.Mixin
    GateOptions gate = new GateOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (noProbes && probes != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--no-probes: expected either --probes FILE or --no-probes, found both");
        }
        Path home = HypercareHome.get();
        List<String> commandLine = new ArrayList<>(List.of("hypercare"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        LoadOptions options = new LoadOptions(
                profile, Optional.ofNullable(target), Optional.ofNullable(webSocketUrl), scale, Optional.ofNullable(duration), allowTargets,
                home, reports != null ? reports : home.resolve("reports"), commandLine,
                Optional.ofNullable(gate.policy), !noProbes, Optional.ofNullable(probes));
        LoadResult result = LoadRunner.run(options, System.out);
        if (result.injectorFailure().isPresent()) {
            // The injector failed, not necessarily the target: the run proves nothing either way.
            spec.commandLine().getErr().println("hypercare: INCONCLUSIVE: " + result.injectorFailure().get()
                    + "; see " + result.run().gatlingOutput());
            if (java.nio.file.Files.exists(result.run().simulationLog())) {
                // still write the reports, which say why nothing can be concluded
                LoadGate.run(new LoadGate.Options(List.of(result.run().root()), Optional.ofNullable(gate.policy),
                        Optional.empty(), false, home, Optional.empty()), System.out);
            }
            return ExitCode.INCONCLUSIVE;
        }
        LoadGate.Outcome judged = LoadGate.run(new LoadGate.Options(List.of(result.run().root()), Optional.ofNullable(gate.policy),
                Optional.ofNullable(gate.baseline), gate.failOnWarn(), home, Optional.empty()), System.out);
        return judged.exitCode();
    }
}
