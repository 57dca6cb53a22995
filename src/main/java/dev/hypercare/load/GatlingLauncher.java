package dev.hypercare.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Forks a Gatling JVM on this process's class path (the jar and its lib/, or the test class path),
 * streams its console to ours and to a file, and waits for it within a deadline. A forked injector
 * keeps Gatling's heap, GC and crashes out of Hypercare's process. Gatling never outlives us: it is
 * stopped on any failure here and on Ctrl-C, first politely so it can flush its log.
 */
final class GatlingLauncher {
    static final String GATLING_MAIN = "io.gatling.app.Gatling";
    static final String SIMULATION = "dev.hypercare.simulations.LaunchSimulation";
    private static final long GRACE_SECONDS = 10;

    record Outcome(int exitCode, boolean timedOut) {}

    private final List<String> command;
    private final Map<String, String> environment;

    GatlingLauncher(List<String> jvmOptions, SimulationSettings settings, Path resultsFolder, String description,
                    Map<String, String> environment) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(settings.jvmProperties());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GATLING_MAIN);
        cmd.addAll(List.of("--simulation", SIMULATION, "--results-folder", resultsFolder.toString(),
                "--run-description", description, "--launcher", "hypercare"));
        this.command = List.copyOf(cmd);
        this.environment = Map.copyOf(environment);
    }

    /** Runs Gatling to completion, or stops it after {@code deadline}; console lines go to {@code console} and {@code transcript}. */
    Outcome run(PrintStream console, Path transcript, Duration deadline) throws IOException, InterruptedException {
        try (Writer file = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8)) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Thread stopOnExit = new Thread(() -> stop(process), "hypercare-stop-gatling");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                Thread pump = Thread.ofPlatform().name("gatling-console").start(() -> pump(process, console, file));
                boolean finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    stop(process);
                }
                pump.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
                return new Outcome(finished ? process.exitValue() : -1, !finished);
            } finally {
                if (process.isAlive()) {
                    stop(process);
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running and stops Gatling, as intended
                }
            }
        }
    }

    /** SIGTERM first so Gatling can close its log; SIGKILL if it does not stop in time. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Process process, PrintStream console, Writer file) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // Gatling names the folder it wrote to; the report is moved to gatling/ once it exits.
                if (line.startsWith("Reports generated")) {
                    line = line.replace(RunDirectory.GATLING_RESULTS + "/", "").replaceFirst("/launchsimulation-\\d+/", "/gatling/");
                }
                console.println(line);
                file.write(line);
                file.write(System.lineSeparator());
            }
            file.flush();
        } catch (IOException e) {
            console.println("hypercare: lost Gatling's console output: " + e.getMessage());
        }
    }
}
