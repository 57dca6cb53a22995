package dev.hypercare.load;

import dev.hypercare.BadInputException;
import dev.hypercare.BuildInfo;
import dev.hypercare.DurationText;
import dev.hypercare.load.probes.ProbeSidecar;
import dev.hypercare.profile.ProfileLoader;
import dev.hypercare.profile.ProfileLocator;
import dev.hypercare.profile.StormTrigger;
import dev.hypercare.profile.TrafficProfile;
import dev.hypercare.slo.SloPolicy;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hypercare load}: resolves the profile and the target (starting the embedded demo target when
 * none is given), refuses unsafe targets, forks Gatling with the health probes of probes.yaml running
 * beside it against the same target ({@link ProbeSidecar}), and lays the results out in
 * {@code reports/<run-id>/}.
 */
public final class LoadRunner {
    /** Beyond the run and its drain, time for Gatling's own report: at least this, or the run's length. */
    private static final Duration REPORT_ALLOWANCE = Duration.ofMinutes(2);

    private LoadRunner() {}

    public static LoadResult run(LoadOptions options, PrintStream out) throws IOException, InterruptedException {
        Path profileFile = new ProfileLocator(options.home()).locate(options.profile());
        TrafficProfile profile = resolveShape(ProfileLoader.load(profileFile), options);
        // the policy and the probes are checked before anything starts: a typo must not cost a run
        SloPolicy policy = LoadGate.policy(options.policy(), options.home(), Optional.of(profile));
        Optional<URI> external = options.target().or(profile::targetUrl);
        if (external.isPresent()) {
            URI target = external.get();
            URI webSocket = options.webSocketUrl().orElseGet(() -> profile.websocket().resolveUrl(target));
            String targetSource = options.target().isPresent() ? "--target" : profileFile + ": target";
            String webSocketSource = options.webSocketUrl().isPresent() ? "--websocket-url" : profileFile + ": websocket url " + webSocket;
            TargetSafety.check(targetSource, target, profile.allowedTargets(), options.allowTargets(), profile.name());
            if (profile.websocket().connections() > 0) {
                TargetSafety.check(webSocketSource, webSocket, profile.allowedTargets(), options.allowTargets(), profile.name());
            }
            if (profile.storm().filter(s -> s.trigger() == StormTrigger.target).isPresent()) {
                throw new BadInputException(profileFile + ": reconnectStorm.trigger: expected client against --target "
                        + target + " (only the embedded target can drop sockets on request), found target");
            }
            TrafficProfile targeted = profile.targeting(target, webSocket);
            Optional<ProbeSidecar.Plan> probes = probePlan(options, targeted, out);
            return launch(options, targeted, Optional.empty(), policy, probes, out);
        }
        if (options.webSocketUrl().isPresent()) {
            throw new BadInputException("--websocket-url: expected only with --target (the embedded target has its own), found it alone");
        }
        // the embedded target's ports are not known yet: the probes file is checked against stand-ins
        Optional<ProbeSidecar.Plan> probes = probePlan(options,
                profile.targeting(URI.create("http://127.0.0.1:1"), URI.create("ws://127.0.0.1:1/ws")), out);
        try (DemoTarget embedded = DemoTarget.start(TargetConfig.defaults().withBroadcastInterval(broadcastInterval(profile)))) {
            out.println("hypercare: embedded demo target on " + embedded.httpUrl() + " (websocket " + embedded.webSocketUrl() + ")");
            return launch(options, profile.targeting(embedded.httpUrl(), embedded.webSocketUrl()), Optional.of(embedded), policy, probes, out);
        }
    }

    /**
     * The health probes to run beside the load, checked now: none with --no-probes, nor when the
     * default file is absent (said in one line); a bad or missing --probes file is bad input.
     */
    private static Optional<ProbeSidecar.Plan> probePlan(LoadOptions options, TrafficProfile targeted, PrintStream out) {
        if (!options.probes()) {
            return Optional.empty();
        }
        Path file = options.probesFile().orElse(options.home().resolve("profiles").resolve("probes.yaml"));
        if (options.probesFile().isEmpty() && !Files.exists(file)) {
            out.println("hypercare: no " + file + ": the load test runs without health probes (--probes FILE names one)");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--probes: expected a probes file like profiles/probes.yaml, found "
                    + (Files.isDirectory(file) ? "a directory" : "no such file") + " '" + file + "'");
        }
        return Optional.of(ProbeSidecar.plan(file, probeEnvironment(targeted), targeted.phases().hold()));
    }

    private static Map<String, String> probeEnvironment(TrafficProfile targeted) {
        return ProbeSidecar.environment(System.getenv(), targeted.target(), targeted.websocket().url());
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

    /** The embedded target broadcasts at the rate the profile expects, so a missed broadcast is a real miss. */
    private static Duration broadcastInterval(TrafficProfile profile) {
        double rate = profile.websocket().expectedBroadcastsPerSecond();
        return rate > 0 ? Duration.ofMillis(Math.max(10, Math.round(1000 / rate))) : Duration.ofSeconds(1);
    }

    private static LoadResult launch(LoadOptions options, TrafficProfile profile, Optional<DemoTarget> embedded, SloPolicy policy,
                                     Optional<ProbeSidecar.Plan> probePlan, PrintStream out)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        RunDirectory run = createRunDirectory(options.reportsRoot(), profile.name(), start);
        ProfileLoader.write(profile, run.profile());
        warnIfBeyondFileLimit(profile, out);

        List<String> jvm = InjectorJvm.options(profile, physicalMemoryMib(), Runtime.version().feature(), run.root().toAbsolutePath());
        SimulationSettings settings = new SimulationSettings(
                run.profile().toAbsolutePath(), options.allowTargets(), embedded.map(t -> t.adminUrl().toString()));
        Map<String, String> environment = embedded
                .map(t -> Map.of(SimulationSettings.ADMIN_TOKEN_ENV, t.adminToken()))
                .orElse(Map.of());
        String description = "profile " + profile.name() + " x" + options.scale() + " against " + profile.target();
        GatlingLauncher gatling = new GatlingLauncher(jvm, settings, run.gatlingResults().toAbsolutePath(), description, environment);

        out.println("hypercare: run " + run.runId() + ": profile " + profile.name() + " (scale " + options.scale()
                + ", " + DurationText.format(profile.phases().runLength()) + ") against " + profile.target());
        Duration runAndDrain = profile.phases().runLength().plus(profile.http().drainAllowance());
        Duration deadline = runAndDrain.plus(max(REPORT_ALLOWANCE, profile.phases().runLength()));
        // the probes start before Gatling, so they are steady by the time the hold begins, and stop when Gatling ends
        Optional<ProbeSidecar> probes = probePlan.flatMap(plan -> ProbeSidecar.start(plan, policy, probeEnvironment(profile),
                run.probesJournal(), run.probesOutput(), out));
        GatlingLauncher.Outcome outcome;
        try {
            outcome = gatling.run(out, run.gatlingOutput(), deadline);
        } finally {
            probes.ifPresent(ProbeSidecar::close);
        }
        boolean hasResults = GatlingResults.collect(run);
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
                        run.gatlingOutput().getFileName().toString()),
                probes.isPresent() ? probesRecord(probePlan.orElseThrow(), run) : null);
        manifest.write(run.manifest());

        Optional<String> failure = outcome.timedOut()
                ? Optional.of("Gatling overran its deadline of " + DurationText.format(deadline) + " and was stopped")
                : outcome.exitCode() != 0
                        ? Optional.of("Gatling exited with code " + outcome.exitCode())
                        : hasResults ? Optional.empty() : Optional.of("Gatling left no simulation.log");
        printSummary(run, hasResults, served, out);
        return new LoadResult(run, manifest, failure);
    }

    private static RunManifest.Probes probesRecord(ProbeSidecar.Plan plan, RunDirectory run) {
        return new RunManifest.Probes(plan.file().toString(),
                run.root().relativize(run.probesJournal()).toString(),
                run.root().relativize(run.probesOutput()).toString(),
                plan.config().probes().stream()
                        .map(p -> new RunManifest.Probe(p.name(), p.kind(), DurationText.format(p.interval()), DurationText.format(p.timeout())))
                        .toList());
    }

    private static void printSummary(RunDirectory run, boolean hasResults, Optional<TargetStats> served, PrintStream out) {
        out.println();
        out.println("hypercare: run " + run.runId() + " written to " + run.root());
        out.println("  simulation.log: " + (hasResults ? run.simulationLog() : "missing (see " + run.gatlingOutput() + ")"));
        if (Files.isDirectory(run.gatlingReport())) {
            out.println("  Gatling report: " + run.gatlingReport().resolve("index.html"));
        }
        out.println("  profile as run: " + run.profile());
        out.println("  run.json:       " + run.manifest());
        if (Files.isDirectory(run.probesJournal())) {
            out.println("  health probes:  " + run.probesJournal() + " (runner's output in " + run.probesOutput() + ")");
        }
        served.ifPresent(stats -> out.println("  the embedded target served " + stats.httpRequests() + " HTTP requests, "
                + stats.webSocketMessagesIn() + " WebSocket messages in and " + stats.broadcastsSent() + " broadcasts out"));
    }

    private static RunDirectory createRunDirectory(Path reportsRoot, String profileName, Instant start) {
        try {
            return RunDirectory.create(reportsRoot, profileName, start);
        } catch (IOException e) {
            throw new BadInputException("--reports: expected a writable directory, found " + reportsRoot + " (" + e + ")");
        }
    }

    /** One injector process holds one file per socket; past its limit connects fail in ways that look like the target's fault. */
    private static void warnIfBeyondFileLimit(TrafficProfile profile, PrintStream out) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            long needed = profile.websocket().connections() + Math.round(profile.http().usersInFlight()) + 200;
            if (needed > limit) {
                out.println("hypercare: warning: this profile needs about " + needed + " sockets but one injector may open "
                        + limit + " files (ulimit -n); expect connect errors that are the injector's, not the target's."
                        + " Use --scale, or run shards on several machines.");
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
