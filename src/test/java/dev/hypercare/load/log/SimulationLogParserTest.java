package dev.hypercare.load.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture is the simulation.log of a real 15 s smoke run (Gatling 3.16.0); the expected counts are
 * those Gatling printed for that run.
 */
class SimulationLogParserTest {
    private static final Path SMOKE = Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log");

    @Test
    void countsEveryRequestAsGatlingDid() {
        Counting counting = new Counting();
        SimulationLogParser.Outcome outcome = SimulationLogParser.parse(SMOKE, counting);

        assertThat(outcome.truncated()).isFalse();
        assertThat(counting.header.gatlingVersion()).isEqualTo("3.16.0");
        assertThat(counting.header.simulationClass()).isEqualTo("dev.hypercare.simulations.LaunchSimulation");
        assertThat(counting.header.scenarios()).containsExactlyInAnyOrder("http users", "websocket sessions");
        assertThat(counting.ok).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ws: connect", 20L), Map.entry("ws: subscribe", 20L), Map.entry("ws: subscribed", 20L),
                Map.entry("landing page", 46L), Map.entry("health: live", 10L), Map.entry("health: ready", 10L),
                Map.entry("health: combined", 10L), Map.entry("ws: heartbeat", 108L), Map.entry("ws: heartbeat ack", 108L),
                Map.entry("login", 32L), Map.entry("ws: broadcast", 108L), Map.entry("tasks: list", 70L),
                Map.entry("tasks: create", 46L), Map.entry("tasks: get", 44L), Map.entry("ws: close", 20L)));
        assertThat(counting.ko).isZero();
        assertThat(counting.maxMillis).as("Gatling's max response time").isEqualTo(1006);
        assertThat(counting.userStarts).isEqualTo(76).isEqualTo(counting.userEnds);
        assertThat(outcome.records()).isEqualTo(1 + 672 + 2 * 76);
        assertThat(outcome.bytesRead()).isEqualTo(size(SMOKE));
    }

    @Test
    void truncatedLogIsReadUpToItsLastWholeRecordAndFlagged(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(SMOKE);
        Path cut = dir.resolve("cut.log");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 7));

        Counting counting = new Counting();
        SimulationLogParser.Outcome outcome = SimulationLogParser.parse(cut, counting);

        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.records()).isEqualTo(1 + 672 + 2 * 76 - 1);
        assertThat(outcome.bytesRead()).isLessThan(whole.length - 7L);
    }

    @Test
    void logFromAnotherGatlingVersionIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(SMOKE);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("3\\.16\\.0", "3.15.1");
        Path other = dir.resolve("other.log");
        Files.write(other, latin.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SimulationLogParser.parse(other, new Counting()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(other + ": expected a log written by Gatling 3.16.0, found one written by Gatling 3.15.1"
                        + " (its binary layout differs; re-run with Gatling 3.16.0)");
    }

    @Test
    void emptyRandomAndMissingFilesAreRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        assertThatThrownBy(() -> SimulationLogParser.parse(empty, new Counting()))
                .hasMessage(empty + ": expected a Gatling simulation.log, found an empty file");

        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 7;
        Path random = Files.write(dir.resolve("random.log"), noise);
        assertThatThrownBy(() -> SimulationLogParser.parse(random, new Counting()))
                .hasMessage(random + ": expected a Gatling 3.16.0 simulation.log, found something else (it does not start with a run record)");

        noise[0] = 0; // looks like a run record, then garbage
        Path lookalike = Files.write(dir.resolve("lookalike.log"), noise);
        assertThatThrownBy(() -> SimulationLogParser.parse(lookalike, new Counting()))
                .isInstanceOf(BadInputException.class)
                .message().startsWith(lookalike + ": expected a");

        Path missing = dir.resolve("missing.log");
        assertThatThrownBy(() -> SimulationLogParser.parse(missing, new Counting()))
                .hasMessage(missing + ": expected a Gatling simulation.log, found no such file");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final class Counting implements LogRecordHandler {
        RunHeader header;
        final Map<String, Long> ok = new TreeMap<>();
        long ko;
        long maxMillis;
        int userStarts;
        int userEnds;

        @Override
        public void run(RunHeader header) {
            this.header = header;
        }

        @Override
        public void user(String scenario, boolean start, long timestampMillis) {
            if (start) {
                userStarts++;
            } else {
                userEnds++;
            }
        }

        @Override
        public void request(List<String> groups, String name, long startMillis, long endMillis, boolean isOk, String message) {
            if (isOk) {
                ok.merge(name, 1L, Long::sum);
            } else {
                ko++;
            }
            maxMillis = Math.max(maxMillis, endMillis - startMillis);
        }

        @Override
        public void group(List<String> groups, long startMillis, long endMillis, int cumulated, boolean isOk) {}

        @Override
        public void error(String message, long timestampMillis) {}
    }
}
