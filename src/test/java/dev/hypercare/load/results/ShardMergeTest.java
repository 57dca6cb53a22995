package dev.hypercare.load.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.cli.HypercareCli;
import dev.hypercare.load.log.LogRecordHandler;
import dev.hypercare.load.log.RunHeader;
import dev.hypercare.load.log.SimulationLogParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real shard runs of the smoke profile, merged: counts are sums, percentiles those of the union. */
class ShardMergeTest {
    @TempDir
    static Path reports;
    static List<Path> logs;

    @BeforeAll
    static void runTwoShards() throws IOException {
        for (int shard = 0; shard < 2; shard++) {
            HypercareCli.execute("load", "--profile", "smoke", "--duration", "3s", "--reports", reports.toString());
        }
        try (Stream<Path> runs = Files.list(reports)) {
            logs = runs.map(run -> run.resolve("simulation.log")).filter(Files::exists).sorted().toList();
        }
        assertThat(logs).hasSize(2);
    }

    @Test
    void mergedCountsAreTheSumsOfTheShards() {
        RunResults a = SimulationLogReader.read(logs.get(0));
        RunResults b = SimulationLogReader.read(logs.get(1));
        RunResults merged = RunResults.merge(List.of(a, b));

        assertThat(merged.requests()).isEqualTo(a.requests() + b.requests());
        assertThat(merged.http().count()).isEqualTo(a.http().count() + b.http().count());
        assertThat(merged.usersStarted()).isEqualTo(a.usersStarted() + b.usersStarted());
        merged.byName().forEach((name, stats) -> assertThat(stats.count()).as(name)
                .isEqualTo(count(a, name) + count(b, name)));
        long perSecond = merged.series().stream().mapToLong(RunResults.SeriesPoint::requests).sum();
        assertThat(perSecond).as("seconds aligned on wall-clock time lose nothing").isEqualTo(merged.requests());
        assertThat(merged.headers()).hasSize(2);
        assertThat(merged.start()).isEqualTo(a.start().isBefore(b.start()) ? a.start() : b.start());
    }

    @Test
    void mergedPercentilesAreThoseOfTheUnionNotAverages() {
        RunResults merged = RunResults.merge(List.of(SimulationLogReader.read(logs.get(0)), SimulationLogReader.read(logs.get(1))));
        Map<String, Histogram> union = new TreeMap<>();
        Histogram unionHttp = new Histogram(3);
        for (Path log : logs) {
            SimulationLogParser.parse(log, new RawLatencies(union, unionHttp));
        }
        for (double p : new double[] {50, 75, 95, 99, 100}) {
            assertThat(merged.http().percentileMillis(p)).as("http p%s", p).isEqualTo(unionHttp.getValueAtPercentile(p));
            union.forEach((name, h) -> assertThat(merged.byName().get(name).percentileMillis(p)).as("%s p%s", name, p)
                    .isEqualTo(h.getValueAtPercentile(p)));
        }
    }

    private static long count(RunResults results, String name) {
        RequestStats stats = results.byName().get(name);
        return stats == null ? 0 : stats.count();
    }

    /** An independent path to the union: every raw response time of both logs in one histogram per name. */
    private record RawLatencies(Map<String, Histogram> byName, Histogram http) implements LogRecordHandler {
        @Override
        public void run(RunHeader header) {}

        @Override
        public void user(String scenario, boolean start, long timestampMillis) {}

        @Override
        public void request(List<String> groups, String name, long startMillis, long endMillis, boolean ok, String message) {
            byName.computeIfAbsent(name, n -> new Histogram(3)).recordValue(endMillis - startMillis);
            if (!name.startsWith("ws: ")) {
                http.recordValue(endMillis - startMillis);
            }
        }

        @Override
        public void group(List<String> groups, long startMillis, long endMillis, int cumulated, boolean ok) {}

        @Override
        public void error(String message, long timestampMillis) {}
    }
}
