package dev.hypercare.runner;

import dev.hypercare.journal.JournalOptions;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.SchedulerOptions;
import dev.hypercare.slo.SloPolicy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a {@link ProbeRunner} needs: the probes and the policy, where the journal lives, where to
 * serve /metrics, the environment that fills {@code ${NAME}}, the clock, and how often the policy is
 * judged ({@code tick}).
 */
public record RunnerOptions(
        ProbeConfig config,
        SloPolicy policy,
        Path journalDir,
        InetSocketAddress listen,
        Map<String, String> env,
        Clock clock,
        Duration tick,
        JournalOptions journal,
        SchedulerOptions scheduler) {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

    public RunnerOptions {
        env = Map.copyOf(env);
    }

    public RunnerOptions(ProbeConfig config, SloPolicy policy, Path journalDir, InetSocketAddress listen, Map<String, String> env, Clock clock) {
        this(config, policy, journalDir, listen, env, clock, DEFAULT_TICK, JournalOptions.defaults(),
                SchedulerOptions.defaults().withMaxConcurrent(config.evaluation().maxConcurrent()));
    }

    public RunnerOptions withTick(Duration value) {
        return new RunnerOptions(config, policy, journalDir, listen, env, clock, value, journal, scheduler);
    }
}
