package dev.hypercare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.load.results.RequestStats;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.load.results.SimulationLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hypercare load} end to end: a real, short Gatling run against the embedded target, and its bad-input paths. */
class LoadCommandTest {
    /** A row of Gatling's console summary: {@code > name | total | ok | ko}. */
    private static final Pattern SUMMARY_ROW = Pattern.compile("^> (.+?)\\s+\\|\\s+([\\d,]+) \\|\\s+([\\d,]+) \\|\\s+([\\d,-]+)$");

    @Test
    void smokeRunAgainstTheEmbeddedTargetWritesAJudgeableRunDirectory(@TempDir Path reports) throws IOException {
        int exit = HypercareCli.execute("load", "--profile", "smoke", "--duration", "10s", "--reports", reports.toString());
        assertThat(exit).isEqualTo(ExitCode.GO);

        Path run = onlyRunDirectory(reports);
        assertThat(run.getFileName().toString()).matches("\\d{8}-\\d{6}-smoke");
        assertThat(run.resolve("simulation.log")).isNotEmptyFile();
        assertThat(run.resolve("gatling/index.html")).isNotEmptyFile();
        assertThat(run.resolve("profile.yaml")).content().contains("hold: 10s").contains("url: ws://127.0.0.1:");
        assertThat(run.resolve(".gatling-results")).doesNotExist();
        JsonNode verdict = new ObjectMapper().readTree(run.resolve("verdict.json").toFile());
        assertThat(verdict.get("verdict").asText()).as("a healthy target passes the default policy").isEqualTo("GO");
        assertThat(run.resolve("verdict.md")).content().startsWith("# GO");
        assertThat(run.resolve("verdict.html")).isNotEmptyFile();
        assertThat(run.resolve("junit.xml")).content().contains("<testsuite");

        JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertThat(manifest.get("embeddedTarget").asBoolean()).isTrue();
        assertThat(manifest.get("target").asText()).startsWith("http://127.0.0.1:");
        assertThat(manifest.get("gatlingExitCode").asInt()).isZero();
        assertThat(manifest.at("/versions/gatling").asText()).isEqualTo("3.16.0");
        assertThat(manifest.get("command").toString()).contains("--duration").contains("10s");
        assertThat(manifest.at("/embeddedTargetStats/httpRequests").asLong()).as("requests the target saw").isPositive();
        assertThat(manifest.at("/embeddedTargetStats/webSocketMessagesIn").asLong()).as("frames the target saw").isPositive();

        Map<String, long[]> counted = finalSummary(run.resolve("gatling.out"));
        assertThat(counted.get("ws: connect")).as("every socket connected").containsExactly(20, 20, 0);
        assertThat(counted.get("ws: heartbeat ack")[1]).isPositive();
        assertThat(counted.get("ws: broadcast")[1]).isPositive();
        long http = Stream.of("landing page", "login", "tasks: list", "tasks: get", "tasks: create",
                        "health: live", "health: ready", "health: combined")
                .filter(counted::containsKey).mapToLong(name -> counted.get(name)[1]).sum();
        assertThat(http).as("HTTP requests answered OK").isGreaterThan(20);
        long httpFailures = Stream.of("landing page", "login", "tasks: list", "tasks: get", "tasks: create",
                        "health: live", "health: ready", "health: combined")
                .filter(counted::containsKey).mapToLong(name -> counted.get(name)[2]).sum();
        assertThat(httpFailures).as("no HTTP request failed against a healthy target").isZero();
        // Exactness: our reader counts what Gatling counted, name by name, and agrees on the global figures
        // within the precision of its t-digest (below).
        RunResults read = SimulationLogReader.read(run.resolve("simulation.log"));
        counted.forEach((name, totals) -> {
            if (!name.equals("Global")) {
                RequestStats stats = read.byName().get(name);
                assertThat(new long[] {stats.count(), stats.ok(), stats.ko()}).as(name).containsExactly(totals);
            }
        });
        assertThat(read.requests()).isEqualTo(counted.get("Global")[0]);
        RequestStats all = read.http().plus(read.webSocket());
        Map<String, Long> global = globalFigures(run.resolve("gatling.out"));
        assertThat(all.maxMillis()).isEqualTo(global.get("max response time (ms)"));
        assertThat(all.minMillis()).isEqualTo(global.get("min response time (ms)"));
        // Gatling's t-digest is accurate in rank, not in value: in a smoke run's sparse tail two neighbouring
        // samples can be 40 ms apart (700 vs 740 ms at p99). So its figure must lie between our exact values
        // one percentile point either side, give or take its whole-ms rounding.
        for (int p : new int[] {50, 75, 95, 99}) {
            long gatling = global.get("response time " + p + "th percentile (ms)");
            assertThat(gatling).as("Gatling's p%d within our exact p%d..p%d", p, p - 1, p + 1)
                    .isBetween(all.percentileMillis(p - 1) - 2, all.percentileMillis(Math.min(100, p + 1)) + 2);
        }
        // The raw log names the requests too: the strings are written into its string cache.
        String raw = new String(Files.readAllBytes(run.resolve("simulation.log")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("ws: connect").contains("landing page");

        // The health probes ran beside the load, against the same target, and were judged over the hold.
        assertThat(manifest.at("/probes/journal").asText()).isEqualTo("probes");
        assertThat(manifest.at("/probes/probes")).extracting(p -> p.get("name").asText() + " every " + p.get("interval").asText())
                .containsExactly("demo live every 1s", "demo ready every 1s", "demo health every 1s", "demo websocket heartbeat every 1s");
        assertThat(run.resolve("probes")).isDirectory();
        JsonNode availability = finding(verdict, "probe availability");
        assertThat(availability.get("outcome").asText()).as("judged, not skipped: %s", availability).isEqualTo("PASS");
        assertThat(availability.get("measured").asDouble()).isEqualTo(1.0);
        assertThat(availability.get("samples").asLong()).as("4 probes once a second over a 9 s span").isBetween(28L, 44L);
        assertThat(availability.at("/window/start").asText()).isEqualTo(verdict.at("/run/evaluatedFrom").asText());
        JsonNode p95 = finding(verdict, "probe p95");
        assertThat(p95.get("outcome").asText()).isNotIn("SKIPPED", "NO_DATA");
        assertThat(p95.get("measured").asDouble()).as("the health endpoints answer in milliseconds").isBetween(0.1, 500.0);
        JsonNode health = verdict.get("healthProbes");
        assertThat(health.get("probes")).extracting(p -> p.get("name").asText())
                .containsExactly("demo live", "demo ready", "demo health", "demo websocket heartbeat");
        assertThat(health.get("probes")).allSatisfy(p -> {
            assertThat(p.get("samples").asLong()).as(p.toString()).isBetween(7L, 11L);
            assertThat(p.get("failures").asLong()).isZero();
            assertThat(p.get("availability").asDouble()).isEqualTo(1.0);
        });
        assertThat(health.at("/allProbes/samples").asLong()).isEqualTo(availability.get("samples").asLong());
        assertThat(health.at("/allProbes/p95Millis").asDouble()).isEqualTo(p95.get("measured").asDouble());
        assertThat(health.get("incidents")).isEmpty();
        assertThat(run.resolve("verdict.md")).content().contains("## Health probes during the run")
                .contains("No incident was opened during the run.");
    }

    @Test
    void aBadProbesFileIsOneLineBeforeAnythingStarts(@TempDir Path reports) {
        String file = "src/test/resources/probes/invalid/bad-kind.yaml";
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--probes", file, "--reports", reports.toString()))
                .isEqualTo("hypercare: " + file + ":3: probes[0].kind: expected http, websocket or tls, found 'grpc'\n");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--probes", "no-such-probes.yaml", "--reports", reports.toString()))
                .isEqualTo("hypercare: --probes: expected a probes file like profiles/probes.yaml, found no such file 'no-such-probes.yaml'\n");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--probes", file, "--no-probes", "--reports", reports.toString()))
                .startsWith("hypercare: --no-probes: expected either --probes FILE or --no-probes, found both\n");
        assertThat(reports).isEmptyDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"storm-target", "storm-client"})
    void reconnectStormDropsEverySocketAndEverySessionReconnects(String profile, @TempDir Path reports) throws IOException {
        Path file = Path.of("src/test/resources/profiles/valid", profile + ".yaml");
        // no probes: a probe's own socket caught in the storm would fail it, and the storm is the subject here
        int exit = HypercareCli.execute("load", "--profile", file.toString(), "--no-probes", "--reports", reports.toString());
        assertThat(exit).isEqualTo(ExitCode.GO);

        Path run = onlyRunDirectory(reports);
        Map<String, long[]> counted = finalSummary(run.resolve("gatling.out"));
        assertThat(counted.get("ws: connect")).as("first connections").containsExactly(10, 10, 0);
        assertThat(counted.get("ws: reconnect")).as("each session reconnected once, named apart").containsExactly(10, 10, 0);
        assertThat(counted.get("ws: resubscribed")).as("and subscribed again").containsExactly(10, 10, 0);
        assertThat(counted.get("ws: heartbeat ack")[1]).isPositive();
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertThat(manifest.at("/embeddedTargetStats/webSocketConnections").asLong()).as("open on the target after the run").isZero();
        if (profile.equals("storm-target")) {
            assertThat(Files.readString(run.resolve("gatling.out"))).contains("reconnect storm: target answered 200 {\"dropped\":10}");
            // each dropped socket fails exactly one heartbeat; its discard may be KO too, a name gates leave out
            assertThat(counted.get("ws: heartbeat")[2] + counted.getOrDefault("ws: heartbeat ack", new long[3])[2]
                    + counted.getOrDefault("ws: broadcast", new long[3])[2]).isEqualTo(10);
            assertThat(counted.get("ws: close")).as("every socket closed once at the end").containsExactly(10, 10, 0);
        } else {
            assertThat(counted.get("ws: close")).as("closed by the storm, then at the end").containsExactly(20, 20, 0);
            assertThat(counted).as("no heartbeat failed, so nothing was discarded").doesNotContainKey("ws: discard");
        }
    }

    @Test
    void webSocketUrlOnAnotherHostIsRefusedToo(@TempDir Path reports) {
        String err = CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--target", "http://127.0.0.1:1",
                "--websocket-url", "wss://push.example.com/ws", "--reports", reports.toString());
        assertThat(err).isEqualTo("hypercare: --websocket-url: host 'push.example.com' is neither loopback nor in profile 'smoke'"
                + " allowedTargets; add it there or pass --allow-target push.example.com if you mean to load it\n");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void nonLoopbackTargetIsRefusedBeforeAnyTraffic(@TempDir Path reports) {
        String err = CliRun.expectingFailure(ExitCode.BAD_INPUT,
                "load", "--target", "https://shop.example.com", "--reports", reports.toString());
        assertThat(err).isEqualTo("hypercare: --target: host 'shop.example.com' is neither loopback nor in profile 'smoke'"
                + " allowedTargets; add it there or pass --allow-target shop.example.com if you mean to load it\n");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void badFlagsAreOneLineUsageErrors(@TempDir Path reports) {
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--scale", "0", "--reports", reports.toString()))
                .isEqualTo("hypercare: --scale: expected a number above 0, found 0.0\n");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--duration", "ten", "--reports", reports.toString()))
                .startsWith("hypercare: Invalid value for option '--duration': expected a duration like 500ms, 30s, 5m or 1h, found 'ten'");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--target", "shop.example.com", "--reports", reports.toString()))
                .startsWith("hypercare: Invalid value for option '--target': expected an absolute http(s) URL like https://staging.example.com, found 'shop.example.com'");
        assertThat(CliRun.expectingFailure(ExitCode.BAD_INPUT, "load", "--profile", "smok", "--reports", reports.toString()))
                .isEqualTo("hypercare: --profile: expected a profile name (optimistic, realistic, smoke, worst-case) or a YAML file, found 'smok'\n");
    }

    @Test
    void targetStormNeedsTheEmbeddedTarget(@TempDir Path reports) {
        String err = CliRun.expectingFailure(ExitCode.BAD_INPUT,
                "load", "--profile", "worst-case", "--target", "http://127.0.0.1:1", "--reports", reports.toString());
        assertThat(err).isEqualTo("hypercare: " + Path.of(System.getProperty("hypercare.home"), "profiles", "worst-case.yaml")
                + ": reconnectStorm.trigger: expected client against --target http://127.0.0.1:1"
                + " (only the embedded target can drop sockets on request), found target\n");
    }


    private static JsonNode finding(JsonNode verdict, String name) {
        for (JsonNode finding : verdict.get("findings")) {
            if (finding.get("name").asText().equals(name)) {
                return finding;
            }
        }
        throw new AssertionError("no finding named " + name + " in " + verdict.get("findings"));
    }

    private static Path onlyRunDirectory(Path reports) throws IOException {
        try (Stream<Path> runs = Files.list(reports)) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The last summary Gatling printed, as name -> {total, ok, ko}. */
    private static Map<String, long[]> finalSummary(Path transcript) throws IOException {
        List<String> lines = Files.readAllLines(transcript);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---- Requests ---")) {
                start = i;
            }
        }
        Map<String, long[]> rows = new HashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher m = SUMMARY_ROW.matcher(line);
            if (!m.matches()) {
                break;
            }
            rows.put(m.group(1), new long[] {count(m.group(2)), count(m.group(3)), count(m.group(4))});
        }
        assertThat(rows).as("Gatling's summary in " + transcript).containsKey("Global");
        return rows;
    }

    /** Gatling's "Global Information" block: figure name -> its total column. */
    private static Map<String, Long> globalFigures(Path transcript) throws IOException {
        List<String> lines = Files.readAllLines(transcript);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---- Global Information ---")) {
                start = i;
            }
        }
        Map<String, Long> figures = new HashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher m = SUMMARY_ROW.matcher(line);
            if (!m.matches()) {
                break;
            }
            figures.put(m.group(1), count(m.group(2)));
        }
        return figures;
    }

    private static long count(String text) {
        return text.equals("-") ? 0 : Long.parseLong(text.replace(",", ""));
    }
}
