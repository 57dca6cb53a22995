package dev.hypercare.load;

import dev.hypercare.BadInputException;
import dev.hypercare.BuildInfo;
import dev.hypercare.profile.DurationText;
import dev.hypercare.profile.ProfileLoader;
import dev.hypercare.profile.ProfileLocator;
import dev.hypercare.profile.StormTrigger;
import dev.hypercare.profile.TrafficProfile;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.TargetConfig;
import dev.hypercare.target.TargetStats;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code hypercare load}: resolves the profile and the target (starting the embedded demo target when
 * none is given), refuses unsafe targets, forks Gatling, and lays the results out in
 * {@code reports/<run-id>/}.
 */
public final class LoadRunner {
    /** Time allowed beyond the profile's own length before a hung injector is killed. */
    private static final Duration OVERRUN = Duration.ofMinutes(3);

    private LoadRunner() {}

    public static LoadResult run(LoadOptions options, PrintStream out) throws IOException, InterruptedException {
        Path profileFile = new ProfileLocator(options.home()).locate(options.profile());
        TrafficProfile profile = resolveShape(ProfileLoader.load(profileFile), options);
        Optional<URI> external = options.target().or(profile::targetUrl);
        if (external.isPresent()) {
            URI target = external.get();
            TargetSafety.check(target, profile.allowedTargets(), options.allowTargets(), profile.name());
            if (profile.storm().filter(s -> s.trigger() == StormTrigger.target).isPresent()) {
                throw new BadInputException(profileFile + ": reconnectStorm.trigger: expected client against --target "
                        + target + " (only the embedded target can drop sockets on request), found target");
            }
            TrafficProfile aimed = profile.targeting(target, profile.websocket().resolveUrl(target));
            return launch(options, aimed, Optional.empty(), out);
        }
        try (DemoTarget embedded = DemoTarget.start(TargetConfig.defaults())) {
            out.println("hypercare: embedded demo target on " + embedded.httpUrl() + " (websocket " + embedded.webSocketUrl() + ")");
            TrafficProfile aimed = profile.targeting(embedded.httpUrl(), embedded.webSocketUrl());
            return launch(options, aimed, Optional.of(embedded), out);
        }
    }

    private static TrafficProfile resolveShape(TrafficProfile loaded, LoadOptions options) {
        if (!(options.scale() > 0) || Double.isInfinite(options.scale())) {
            throw new BadInputException("--scale: expected a number above 0, found " + options.scale());
        }
        TrafficProfile shaped = loaded.scaled(options.scale());
        if (options.hold().isPresent()) {
            shaped = shaped.withHold(options.hold().get());
        }
        String origin = "profile '" + loaded.name() + "' with --scale " + options.scale()
                + options.hold().map(h -> " --duration " + DurationText.format(h)).orElse("");
        return ProfileLoader.revalidate(shaped, origin);
    }

    private static LoadResult launch(LoadOptions options, TrafficProfile profile, Optional<DemoTarget> embedded, PrintStream out)
            throws IOException, InterruptedException {
        Optional<String> adminUrl = embedded.map(t -> t.adminUrl().toString());
        Map<String, String> environment = embedded
                .map(t -> Map.of(SimulationSettings.ADMIN_TOKEN_ENV, t.adminToken()))
                .orElse(Map.of());
        Instant start = Instant.now();
        RunDirectory run = RunDirectory.create(options.reportsRoot(), profile.name(), start);
        ProfileLoader.write(profile, run.profile());

        List<String> jvm = InjectorJvm.options(profile, physicalMemoryMib(), Runtime.version().feature(), run.root().toAbsolutePath());
        SimulationSettings settings = new SimulationSettings(run.profile().toAbsolutePath(), adminUrl);
        String description = "profile " + profile.name() + " x" + options.scale() + " against " + profile.target();
        GatlingLauncher gatling = new GatlingLauncher(jvm, settings, run.gatlingResults().toAbsolutePath(), description, environment);

        out.println("hypercare: run " + run.runId() + ": profile " + profile.name() + " (scale " + options.scale()
                + ", " + DurationText.format(profile.phases().runLength()) + ") against " + profile.target());
        Duration deadline = profile.phases().runLength().plus(OVERRUN);
        GatlingLauncher.Outcome outcome = gatling.run(out, run.gatlingOutput(), deadline);
        if (outcome.timedOut()) {
            out.println("hypercare: Gatling overran its deadline of " + DurationText.format(deadline) + " and was stopped");
        }
        boolean hasResults = collectResults(run);
        Instant end = Instant.now();
        Optional<TargetStats> served = embedded.map(DemoTarget::stats);

        BuildInfo build = BuildInfo.current();
        RunManifest manifest = new RunManifest(
                1, run.runId(), options.commandLine(), profile.name(), options.scale(),
                options.hold().map(DurationText::format).orElse(null),
                profile.target().toString(),
                profile.websocket().connections() > 0 ? profile.websocket().url().toString() : null,
                embedded.isPresent(), served.orElse(null), start, end, hostName(),
                new RunManifest.Versions(build.hypercareVersion(), build.gatlingVersion(), build.javaVersion()),
                jvm, outcome.exitCode(), outcome.timedOut(),
                new RunManifest.Files(
                        hasResults ? run.simulationLog().getFileName().toString() : null,
                        Files.isDirectory(run.gatlingReport()) ? "gatling/index.html" : null,
                        run.profile().getFileName().toString(),
                        run.gatlingOutput().getFileName().toString()));
        manifest.write(run.manifest());

        out.println();
        out.println("hypercare: run " + run.runId() + " written to " + run.root());
        out.println("  simulation.log: " + (hasResults ? run.simulationLog() : "missing (see " + run.gatlingOutput() + ")"));
        if (Files.isDirectory(run.gatlingReport())) {
            out.println("  Gatling report: " + run.gatlingReport().resolve("index.html"));
        }
        out.println("  profile as run: " + run.profile());
        out.println("  run.json:       " + run.manifest());
        served.ifPresent(stats -> out.println("  the embedded target served " + stats.httpRequests() + " HTTP requests, "
                + stats.webSocketMessagesIn() + " WebSocket messages in and " + stats.broadcastsSent() + " broadcasts out"));
        return new LoadResult(run, manifest, hasResults);
    }

    /** Moves Gatling's {@code <results>/<simulation>-<timestamp>/} into place: the log at the top, the HTML under gatling/. */
    private static boolean collectResults(RunDirectory run) throws IOException {
        Path results = run.gatlingResults();
        if (!Files.isDirectory(results)) {
            return false;
        }
        Optional<Path> produced;
        try (Stream<Path> dirs = Files.list(results)) {
            produced = dirs.filter(Files::isDirectory).findFirst();
        }
        if (produced.isPresent()) {
            Path log = produced.get().resolve("simulation.log");
            if (Files.exists(log)) {
                Files.move(log, run.simulationLog(), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(produced.get(), run.gatlingReport());
        }
        deleteTree(results);
        return Files.exists(run.simulationLog()) && Files.size(run.simulationLog()) > 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long physicalMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 4096;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }
}
