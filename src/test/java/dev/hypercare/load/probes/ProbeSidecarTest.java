package dev.hypercare.load.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.TargetConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health probes beside a load test: paced for the hold, aimed at its target, never fatal to it. */
class ProbeSidecarTest {
    static final Path PROBES = Path.of("profiles/probes.yaml");
    static final SloPolicy POLICY = SloPolicy.load(Path.of("profiles/slo.yaml"));

    @Test
    void eachProbeRunsAtLeastTwentyTimesOverTheHoldButNotMoreThanOnceASecond() {
        Duration fifteen = Duration.ofSeconds(15);
        assertThat(ProbeSidecar.pace(fifteen, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ProbeSidecar.pace(fifteen, Duration.ofSeconds(25))).isEqualTo(Duration.ofMillis(1_250));
        assertThat(ProbeSidecar.pace(fifteen, Duration.ofMinutes(5))).isEqualTo(fifteen);
        assertThat(ProbeSidecar.pace(Duration.ofSeconds(30), Duration.ofMinutes(5))).isEqualTo(fifteen);
        assertThat(ProbeSidecar.pace(fifteen, Duration.ofMinutes(15))).as("a long hold keeps the file's interval").isEqualTo(fifteen);
        assertThat(ProbeSidecar.pace(Duration.ofMillis(500), Duration.ofSeconds(10))).as("never slower than the file").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theShippedProbesArePacedForTheHoldAndAimedAtTheLoadsTarget() {
        Map<String, String> env = ProbeSidecar.environment(Map.of("HYPERCARE_TARGET", "http://elsewhere:1", "OTHER", "kept"),
                URI.create("http://127.0.0.1:8080/"), URI.create("ws://127.0.0.1:8081/ws"));
        assertThat(env).containsEntry("HYPERCARE_TARGET", "http://127.0.0.1:8080")
                .containsEntry("HYPERCARE_TARGET_WS", "ws://127.0.0.1:8081")
                .containsEntry("OTHER", "kept");

        ProbeSidecar.Plan plan = ProbeSidecar.plan(PROBES, env, Duration.ofSeconds(25));
        assertThat(plan.config().probes()).extracting(ProbeSpec::name)
                .containsExactly("demo live", "demo ready", "demo health", "demo websocket heartbeat");
        assertThat(plan.config().probes()).extracting(ProbeSpec::interval).containsOnly(Duration.ofMillis(1_250));
        assertThat(plan.config().probes()).extracting(ProbeSpec::timeout)
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(plan.cadence()).isEqualTo("every 1250ms");
        assertThat(plan.config().evaluation().window()).as("the file's 1h, cut to the live window").isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.config().evaluation().failuresToOpen()).isEqualTo(3);
    }

    @Test
    void alertChannelsAreDroppedSoALoadTestPagesNobody(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("probes.yaml");
        Files.writeString(file, """
                probes:
                  - name: live
                    kind: http
                    url: ${HYPERCARE_TARGET}/api/health/live
                    interval: 15s
                alerts:
                  - name: ops
                    kind: webhook
                    url: ${ALERT_URL}
                """);
        Map<String, String> env = Map.of("HYPERCARE_TARGET", "http://127.0.0.1:1", "ALERT_URL", "https://hooks.example.com/secret");
        ProbeSidecar.Plan plan = ProbeSidecar.plan(file, env, Duration.ofMinutes(10));
        assertThat(plan.config().alerts()).isEmpty();
        assertThat(plan.config().probes().getFirst().interval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void probesThatCannotStartAreAWarningNotAFailure(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("probes"), "a file where the journal should go");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ProbeSidecar.Plan plan = ProbeSidecar.plan(PROBES, env("http://127.0.0.1:1", "ws://127.0.0.1:1/ws"), Duration.ofSeconds(10));

        Optional<ProbeSidecar> sidecar = ProbeSidecar.start(plan, POLICY, env("http://127.0.0.1:1", "ws://127.0.0.1:1/ws"),
                notADirectory, dir.resolve("probes.out"), new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(sidecar).isEmpty();
        assertThat(said.toString(StandardCharsets.UTF_8)).isEqualTo("hypercare: warning: the health probes did not start (journal directory "
                + notADirectory + " is a file, expected a directory); the load test runs without them\n");
    }

    @Test
    void probesRunAgainstTheTargetUntilClosedAndLeaveAJournalTheGateReads(@TempDir Path run) throws Exception {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults())) {
            Map<String, String> env = env(target.httpUrl().toString(), target.webSocketUrl().toString());
            ProbeSidecar.Plan plan = ProbeSidecar.plan(PROBES, env, Duration.ofSeconds(10));
            ProbeSidecar sidecar = ProbeSidecar.start(plan, POLICY, env, run.resolve("probes"), run.resolve("probes.out"),
                    new PrintStream(said, true, StandardCharsets.UTF_8)).orElseThrow();
            try (sidecar) {
                // each probe's first run falls within its first interval (1 s): three seconds give two or three each
                Thread.sleep(3_000);
            }
        }
        assertThat(said.toString(StandardCharsets.UTF_8)).matches(
                "hypercare: health probes: 4 probes of profiles/probes.yaml every 1s against the same target;"
                        + " status http://127\\.0\\.0\\.1:\\d+/ \\(journal .*probes\\)\n");
        ProbeRecord record = ProbeRecord.read(run, "run").orElseThrow();
        assertThat(record.samples()).extracting(ProbeSample::probe)
                .contains("demo live", "demo ready", "demo health", "demo websocket heartbeat");
        assertThat(record.samples()).hasSizeBetween(8, 16);
        assertThat(record.samples()).as("a healthy target, over HTTP and WebSocket alike")
                .allSatisfy(s -> assertThat(s.failure()).isEmpty());
        assertThat(record.incidents()).isEmpty();
        assertThat(run.resolve("probes.out")).content().startsWith("hypercare probe: 4 probes of service demo");
    }

    private static Map<String, String> env(String http, String webSocket) {
        return ProbeSidecar.environment(Map.of(), URI.create(http), URI.create(webSocket));
    }
}
