package dev.hypercare.runner;

import dev.hypercare.journal.JournalOptions;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.SchedulerOptions;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.TargetConfig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A demo target, a probes file aimed at it and the options of a fast runner (100 ms tick, probes every 200 ms). */
final class RunnerFixture {
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final int FAILURES_TO_OPEN = 3;

    private RunnerFixture() {}

    static DemoTarget target() throws Exception {
        return DemoTarget.start(TargetConfig.defaults());
    }

    /** Two health probes every 200 ms, conditions on status only (latency is judged by the policy, not the probes). */
    static String probesYaml(String extra) {
        return probesYaml("200ms", "190ms", extra);
    }

    static String probesYaml(String interval, String timeout, String extra) {
        return """
                service: demo
                evaluation:
                  window: 1m
                  failuresToOpen: 3
                  successesToResolve: 2
                probes:
                  - name: live
                    kind: http
                    url: ${HYPERCARE_TARGET}/api/health/live
                    interval: %1$s
                    timeout: %2$s
                    severity: P1
                    conditions: ["[STATUS] == 200"]
                  - name: ready
                    kind: http
                    url: ${HYPERCARE_TARGET}/api/health/ready
                    interval: %1$s
                    timeout: %2$s
                    severity: P2
                    conditions: ["[STATUS] == 200"]
                """.formatted(interval, timeout) + extra;
    }

    static Map<String, String> env(DemoTarget target) {
        String http = target.httpUrl().toString();
        return Map.of("HYPERCARE_TARGET", http.endsWith("/") ? http.substring(0, http.length() - 1) : http);
    }

    static RunnerOptions options(String yaml, Map<String, String> env, Path journal) {
        ProbeConfig config = ProbeConfig.parse("probes.yaml", yaml, env);
        SloPolicy policy = SloPolicy.load(Path.of("profiles/slo.yaml"));
        return new RunnerOptions(config, policy, journal, new InetSocketAddress("127.0.0.1", 0), env, Clock.systemUTC(),
                Duration.ofMillis(100), JournalOptions.defaults(), SchedulerOptions.defaults());
    }

    /** Collects what the runner says, for assertions and for the test log. */
    static final class Console {
        private final StringWriter text = new StringWriter();
        final PrintWriter writer = new PrintWriter(text, true);

        String text() {
            synchronized (writer) {
                return text.toString();
            }
        }
    }
}
