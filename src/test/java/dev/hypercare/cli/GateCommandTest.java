package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Faults;
import dev.hypercare.target.LatencyDistribution;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's verdicts on real runs: the smoke profile against a demo target with a known fault, each
 * case asserting the exit code, the verdict and the finding that decided it.
 */
class GateCommandTest {

    @Test
    void addedLatencyOf700msIsNoGoOnP95(@TempDir Path reports) throws Exception {
        Path run = loadAgainst(Faults.none().withLatency(LatencyDistribution.parse("700ms")), reports, ExitCode.NO_GO);
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("NO-GO");
        JsonNode p95 = finding(verdict, "http p95");
        assertThat(p95.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(p95.get("measured").asDouble()).isGreaterThanOrEqualTo(700);
    }

    @Test
    void twoAndAHalfPercentOf5xxIsGoWithRisksAndFailsOnWarnWhenAsked(@TempDir Path reports) throws Exception {
        Path run = loadAgainst(Faults.none().withErrorRate(0.025), reports, ExitCode.GO, "--scale", "3");
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("GO-WITH-RISKS");
        JsonNode errors = finding(verdict, "http error rate");
        assertThat(errors.get("outcome").asText()).isEqualTo("WARN");
        assertThat(errors.get("measured").asDouble()).isBetween(0.01, 0.05);

        assertThat(HypercareCli.execute("gate", "--run", run.toString(), "--fail-on", "warn")).isEqualTo(ExitCode.NO_GO);
    }

    @Test
    void targetDownIsNoGo(@TempDir Path reports) throws Exception {
        Path run = loadAgainst(Faults.none().withOutage(Outage.DOWN), reports, ExitCode.NO_GO, "--scale", "3");
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(finding(verdict, "http error rate").get("outcome").asText()).isEqualTo("FAIL");
        assertThat(finding(verdict, "http error rate").get("measured").asDouble()).isEqualTo(1.0);
        assertThat(finding(verdict, "websocket connect error rate").get("outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void runTooShortForTheMinimumSamplesIsInconclusive(@TempDir Path reports) throws Exception {
        Path run = loadAgainst(Faults.none(), reports, ExitCode.INCONCLUSIVE, "--scale", "0.2", "--duration", "1s");
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(finding(verdict, "http error rate").get("outcome").asText()).isEqualTo("NO_DATA");
        assertThat(verdict.get("inconclusiveReason").asText()).contains("http error rate");
        assertThat(Files.readString(run.resolve("junit.xml"))).contains("<error type=\"NO_DATA\"");
    }

    @Test
    void crashedInjectorIsInconclusiveAndDoesNotBlameTheTarget(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.copy(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"), run.resolve("simulation.log"));
        Files.writeString(run.resolve("run.json"), """
                {"schemaVersion":1,"runId":"crashed","profile":"smoke","scale":1.0,"target":"http://127.0.0.1:1",
                 "embeddedTarget":false,"gatlingExitCode":137,"gatlingTimedOut":false}
                """);
        assertThat(HypercareCli.execute("gate", "--run", run.toString())).isEqualTo(ExitCode.INCONCLUSIVE);
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.get("inconclusiveReason").asText()).isEqualTo("run crashed: the injector (Gatling) exited with code 137");
    }

    @Test
    void truncatedLogIsReadButInconclusive(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        byte[] log = Files.readAllBytes(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"));
        Files.write(run.resolve("simulation.log"), java.util.Arrays.copyOf(log, log.length - 3));
        assertThat(HypercareCli.execute("gate", "--run", run.toString())).isEqualTo(ExitCode.INCONCLUSIVE);
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("inconclusiveReason").asText()).contains("simulation.log is truncated");
        assertThat(verdict.at("/run/truncated").asBoolean()).isTrue();
        assertThat(verdict.get("requests").size()).as("what was read is still reported").isEqualTo(15);
    }

    @Test
    void baselineRunIsComparedWithAndAMissingOneIsNamed(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Path baseline = Files.createDirectory(dir.resolve("baseline"));
        Files.copy(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"), run.resolve("simulation.log"));
        Files.copy(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"), baseline.resolve("simulation.log"));
        HypercareCli.execute("gate", "--run", run.toString(), "--baseline", baseline.toString());
        JsonNode throughput = finding(verdict(run), "throughput vs baseline");
        assertThat(throughput.get("outcome").asText()).as("the same run as its own baseline").isEqualTo("PASS");

        Path missing = dir.resolve("gone");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "gate", "--run", run.toString(), "--baseline", missing.toString()))
                .isEqualTo("hypercare: --baseline: expected a run directory (reports/<run-id>/), found no such directory '" + missing + "'\n");
    }

    @Test
    void missingRunDirectoryIsOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-run");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "gate", "--run", missing.toString()))
                .isEqualTo("hypercare: --run: expected a run directory (reports/<run-id>/), found no such directory '" + missing + "'\n");
    }

    @Test
    void emptySimulationLogIsOneLine(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.createFile(run.resolve("simulation.log"));
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "gate", "--run", run.toString()))
                .isEqualTo("hypercare: " + run.resolve("simulation.log") + ": expected a Gatling simulation.log, found an empty file\n");
    }

    @Test
    void badPolicyExpressionIsOneLine(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.copy(Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log"), run.resolve("simulation.log"));
        Path policy = Path.of("src/test/resources/slo/bad-policy/slo.yaml");
        String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "gate", "--run", run.toString(), "--policy", policy.toString());
        assertThat(err).startsWith("hypercare: " + policy + ":6: thresholds[0].warn: expected ").contains("found '> 200%'");
        assertThat(err.lines()).hasSize(1);
    }

    /** Runs the smoke profile for 10 s against a demo target with {@code faults}; returns the run directory. */
    private static Path loadAgainst(Faults faults, Path reports, int expectedExit, String... extra) throws IOException {
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults().withFaults(faults))) {
            List<String> args = new java.util.ArrayList<>(List.of("load", "--profile", "smoke", "--duration", "10s",
                    "--target", target.httpUrl().toString(), "--websocket-url", target.webSocketUrl().toString(),
                    "--reports", reports.toString()));
            for (int i = 0; i < extra.length; i += 2) {
                int at = args.indexOf(extra[i]);
                if (at >= 0) {
                    args.set(at + 1, extra[i + 1]);
                } else {
                    args.add(extra[i]);
                    args.add(extra[i + 1]);
                }
            }
            assertThat(HypercareCli.execute(args.toArray(String[]::new))).isEqualTo(expectedExit);
        }
        try (Stream<Path> runs = Files.list(reports)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static JsonNode verdict(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("verdict.json").toFile());
    }

    private static JsonNode finding(JsonNode verdict, String name) {
        for (JsonNode finding : verdict.get("findings")) {
            if (finding.get("name").asText().equals(name)) {
                return finding;
            }
        }
        throw new AssertionError("no finding named " + name + " in " + verdict.get("findings"));
    }

}
