package dev.hypercare.load;

import dev.hypercare.BadInputException;
import dev.hypercare.load.probes.ProbeRecord;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.load.results.SimulationLogReader;
import dev.hypercare.profile.ProfileLoader;
import dev.hypercare.profile.TrafficProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One finished run directory, as the gate reads it: the results of its simulation.log, and, when
 * present, its run.json (how the injector fared), the profile it ran (its phases and policy) and the
 * journal of the health probes that ran beside it.
 */
public record RunInput(Path directory, String runId, RunResults results, Optional<RunManifest> manifest, Optional<TrafficProfile> profile,
                       Optional<ProbeRecord> probes) {

    /** {@code flag} names the option that gave the directory, for messages ({@code --run}, {@code --baseline}). */
    public static RunInput read(Path directory, String flag) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(flag + ": expected a run directory (reports/<run-id>/), found no such directory '" + directory + "'");
        }
        Path log = directory.resolve("simulation.log");
        if (!Files.exists(log)) {
            throw new BadInputException(flag + ": expected " + log + " in the run directory, found none (did the run start?)");
        }
        RunResults results = SimulationLogReader.read(log);
        Optional<RunManifest> manifest = Optional.empty();
        Path manifestFile = directory.resolve("run.json");
        if (Files.exists(manifestFile)) {
            try {
                manifest = Optional.of(RunManifest.read(manifestFile));
            } catch (IOException e) {
                throw new BadInputException(manifestFile + ": expected the run.json that hypercare load writes, found unreadable JSON ("
                        + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        Path profileFile = directory.resolve("profile.yaml");
        Optional<TrafficProfile> profile = Files.exists(profileFile) ? Optional.of(ProfileLoader.load(profileFile)) : Optional.empty();
        String runId = manifest.map(RunManifest::runId).orElse(directory.getFileName().toString());
        return new RunInput(directory, runId, results, manifest, profile, ProbeRecord.read(directory, runId));
    }

    /**
     * Why this run says nothing about the target, if it does not: the injector crashed or overran its
     * deadline, or could not start users as fast as the profile planned (it was the bottleneck).
     */
    public Optional<String> injectorFailure() {
        if (manifest.isPresent()) {
            RunManifest m = manifest.get();
            if (m.gatlingTimedOut()) {
                return Optional.of("run " + runId + ": the injector overran its deadline and was stopped");
            }
            if (m.gatlingExitCode() != 0) {
                return Optional.of("run " + runId + ": the injector (Gatling) exited with code " + m.gatlingExitCode());
            }
        }
        if (results.truncated()) {
            return Optional.of("run " + runId + ": simulation.log is truncated (the injector was killed or crashed)");
        }
        return profile.flatMap(this::saturation);
    }

    /** Open-model arrivals are planned exactly; far fewer users started means the injector fell behind. */
    private Optional<String> saturation(TrafficProfile p) {
        if (p.http().closedModel() || p.http().usersPerSecond() == 0) {
            return Optional.empty();
        }
        var phases = p.phases();
        double planned = (p.http().startUsersPerSecond() + p.http().usersPerSecond()) / 2 * phases.rampUp().toMillis() / 1000.0
                + p.http().usersPerSecond() * phases.hold().toMillis() / 1000.0
                + (p.http().startUsersPerSecond() + p.http().usersPerSecond()) / 2 * phases.rampDown().toMillis() / 1000.0;
        long httpUsers = results.usersStarted() - p.websocket().connections() - (p.storm().filter(s -> s.trigger() == dev.hypercare.profile.StormTrigger.target).isPresent() ? 1 : 0);
        if (planned >= 50 && httpUsers < 0.9 * planned) {
            return Optional.of("run " + runId + ": the injector started " + httpUsers + " of " + Math.round(planned)
                    + " planned HTTP users; it could not keep up, so the target cannot be judged");
        }
        return Optional.empty();
    }
}
