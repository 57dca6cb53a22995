package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.Severity;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalOptions;
import dev.hypercare.load.results.RunMetricSource;
import dev.hypercare.load.results.SimulationLogReader;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.slo.Window;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Faults;
import dev.hypercare.target.LatencyDistribution;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Without probes: the health endpoints fail 2.5 % of the time too, and probes that saw one of those
     * failures would rightly fail the launch on availability (critical below 99.5 %). Here the subject
     * is the HTTP error rate, and what --no-probes leaves in the report.
     */
    @Test
    void twoAndAHalfPercentOf5xxIsGoWithRisksAndFailsOnWarnWhenAsked(@TempDir Path reports) throws Exception {
        Path run = loadAgainst(Faults.none().withErrorRate(0.025), reports, ExitCode.GO, "--scale", "3", "--no-probes", null);
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("GO-WITH-RISKS");
        JsonNode errors = finding(verdict, "http error rate");
        assertThat(errors.get("outcome").asText()).isEqualTo("WARN");
        assertThat(errors.get("measured").asDouble()).isBetween(0.01, 0.05);

        assertThat(HypercareCli.execute("gate", "--run", run.toString(), "--fail-on", "warn")).isEqualTo(ExitCode.NO_GO);

        // --no-probes: no journal, the probe thresholds not judged, and the report says why
        assertThat(run.resolve("probes")).doesNotExist();
        JsonNode probes = finding(verdict, "probe availability");
        assertThat(probes.get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(probes.get("explanation").asText())
                .isEqualTo("probe availability not judged: a load test run without health probes does not measure probes");
        assertThat(verdict.get("healthProbes").isNull()).isTrue();
        assertThat(Files.readString(run.resolve("verdict.md"))).contains("No health probes ran beside this load test");
    }

    /**
     * The target goes down a few seconds into the hold and comes back 5 s later. The probes see it
     * (availability fails), open incidents and resolve them; the report lists them; and gate --run on
     * the finished run directory finds exactly the same probe figures.
     */
    @Test
    void targetDownMidRunFailsProbeAvailabilityAndTheReportListsTheIncidents(@TempDir Path reports) throws Exception {
        Path run;
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults())) {
            Thread outage = Thread.ofPlatform().name("outage").start(() -> outageMidRun(target));
            try {
                assertThat(HypercareCli.execute("load", "--profile", "smoke", "--duration", "14s",
                        "--target", target.httpUrl().toString(), "--websocket-url", target.webSocketUrl().toString(),
                        "--reports", reports.toString())).isEqualTo(ExitCode.NO_GO);
            } finally {
                outage.interrupt();
                outage.join(10_000);
            }
        }
        try (Stream<Path> runs = Files.list(reports)) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode verdict = verdict(run);
        assertThat(verdict.get("verdict").asText()).isEqualTo("NO-GO");
        JsonNode availability = finding(verdict, "probe availability");
        assertThat(availability.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(availability.get("measured").asDouble()).as("down about 5 s of a 13 s span").isBetween(0.2, 0.9);

        JsonNode health = verdict.get("healthProbes");
        JsonNode live = health.get("probes").get(0);
        assertThat(live.get("name").asText()).isEqualTo("demo live");
        assertThat(live.get("failures").asLong()).isPositive();
        assertThat(live.at("/topReasons/0/reason").asText()).isEqualTo("refused: connection refused");
        JsonNode incidents = health.get("incidents");
        assertThat(incidents).as("three refusals in a row open an incident per probe").isNotEmpty();
        Instant start = Instant.parse(verdict.at("/run/start").asText());
        Instant end = Instant.parse(verdict.at("/run/end").asText());
        for (JsonNode incident : incidents) {
            assertThat(incident.get("id").asText()).matches("INC-\\d{8}-\\d{3}");
            assertThat(incident.get("severity").asText()).matches("P[0-3]");
            assertThat(incident.get("title").asText()).startsWith("demo ");
            assertThat(Instant.parse(incident.get("opened").asText())).isBetween(start, end);
        }
        assertThat(incidents).as("the target came back while the probes still ran")
                .anySatisfy(i -> assertThat(i.get("stillOpen").asBoolean()).isFalse());
        String firstId = incidents.get(0).get("id").asText();
        assertThat(Files.readString(run.resolve("verdict.md"))).contains("### Incidents opened during the run").contains("| " + firstId + " |");
        assertThat(Files.readString(run.resolve("verdict.html"))).contains("<td>" + firstId + "</td>");
        assertThat(Files.readString(run.resolve("junit.xml")))
                .contains("<property name=\"healthProbes.incidents\" value=\"" + incidents.size() + "\"/>");

        // judged again later, from the run directory alone: the same figures
        Path again = reports.resolve("again");
        assertThat(HypercareCli.execute("gate", "--run", run.toString(), "--out", again.toString())).isEqualTo(ExitCode.NO_GO);
        JsonNode rejudged = verdict(again);
        assertThat(rejudged.get("healthProbes")).isEqualTo(health);
        for (String name : List.of("probe availability", "probe error rate", "probe p95")) {
            assertThat(finding(rejudged, name)).as(name).isEqualTo(finding(verdict, name));
        }
    }

    /** Once the load's sockets are subscribed (the probes subscribe to nothing), waits into the hold, then 5 s down. */
    private static void outageMidRun(DemoTarget target) {
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (target.stats().broadcastsSent() == 0) {
                if (System.nanoTime() > deadline) {
                    return; // the load never started: the test fails on its verdict
                }
                Thread.sleep(100);
            }
            Thread.sleep(6_000);
            target.setFaults(Faults.none().withOutage(Outage.DOWN));
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            target.setFaults(Faults.none());
        }
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

    /**
     * Two shards, each with its own probes journal: their results are pooled over the judged span, and
     * each incident names the run whose probes opened it.
     */
    @Test
    void shardsPoolTheirProbesAndEachIncidentNamesItsRun(@TempDir Path dir) throws IOException {
        Path log = Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log");
        Window span = RunMetricSource.wholeRun(SimulationLogReader.read(log));
        List<Path> shards = new java.util.ArrayList<>();
        for (String shard : List.of("shard-a", "shard-b")) {
            Path run = Files.createDirectory(dir.resolve(shard));
            Files.copy(log, run.resolve("simulation.log"));
            try (Journal journal = Journal.open(run.resolve("probes"), JournalOptions.defaults(), Clock.systemUTC())) {
                for (long s = 0; s < span.length().toSeconds(); s++) {
                    Instant at = span.start().plusSeconds(s);
                    boolean refused = shard.equals("shard-b") && s < 3;
                    ProbeResult result = new ProbeResult("demo live", shard, at, !refused, refused ? -1 : 200,
                            refused ? Reason.REFUSED : Reason.OK, Duration.ofMillis(refused ? 1 : 10), Map.of(), List.of(),
                            Optional.empty(), refused ? "connection refused" : "200 in 10ms");
                    journal.append(ResultCodec.KIND, at, ResultCodec.encode(result));
                }
                Incident incident = new Incident("INC-20250101-001", "probe:demo live", "demo live failing: refused", Severity.P1, 0,
                        span.start(), Optional.of(span.start().plusSeconds(3)), List.of());
                journal.append(IncidentCodec.INCIDENT, span.start().plusSeconds(3), IncidentCodec.encode(incident));
            }
            shards.add(run);
        }

        Path out = dir.resolve("merged");
        HypercareCli.execute("gate", "--run", shards.get(0).toString(), "--run", shards.get(1).toString(), "--out", out.toString());

        JsonNode verdict = verdict(out);
        long perShard = span.length().toSeconds();
        JsonNode availability = finding(verdict, "probe availability");
        assertThat(availability.get("samples").asLong()).isEqualTo(2 * perShard);
        assertThat(availability.get("measured").asDouble()).isEqualTo((2.0 * perShard - 3) / (2 * perShard));
        JsonNode health = verdict.get("healthProbes");
        assertThat(health.get("source").asText()).isEqualTo("the probes journals in 2 runs (their results pooled)");
        assertThat(health.get("incidents")).extracting(i -> i.get("runId").asText() + " " + i.get("id").asText())
                .containsExactly("shard-a INC-20250101-001", "shard-b INC-20250101-001");
        assertThat(Files.readString(out.resolve("verdict.md"))).contains("| Run | Incident | Severity | Title | Opened | Resolved |")
                .contains("| shard-b | INC-20250101-001 | P1 | demo live failing: refused |");
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

    /**
     * Runs the smoke profile for 10 s against a demo target with {@code faults}; {@code extra} are flag
     * and value pairs (a null value: a flag alone). Returns the run directory.
     */
    private static Path loadAgainst(Faults faults, Path reports, int expectedExit, String... extra) throws IOException {
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults().withFaults(faults))) {
            List<String> args = new java.util.ArrayList<>(List.of("load", "--profile", "smoke", "--duration", "10s",
                    "--target", target.httpUrl().toString(), "--websocket-url", target.webSocketUrl().toString(),
                    "--reports", reports.toString()));
            for (int i = 0; i < extra.length; i += 2) {
                int at = args.indexOf(extra[i]);
                if (extra[i + 1] == null) {
                    args.add(extra[i]); // a flag without a value
                } else if (at >= 0) {
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
