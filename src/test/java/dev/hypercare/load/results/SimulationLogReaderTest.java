package dev.hypercare.load.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Against the simulation.log of a real smoke run, whose figures Gatling printed: 672 requests, all OK,
 * min 0 ms, max 1,006 ms, mean 46 ms, p50 4, p75 10, p95 174, p99 988 (Gatling's percentiles come
 * from a t-digest rounded to whole ms; ours from HdrHistogram at 0.1 %).
 */
class SimulationLogReaderTest {
    private static final Path SMOKE = Path.of("src/test/resources/logs/smoke-gatling-3.16.0.log");

    @Test
    void countsMatchGatlingExactly() {
        RunResults results = SimulationLogReader.read(SMOKE);

        assertThat(results.requests()).isEqualTo(672);
        assertThat(results.http().count()).isEqualTo(46 + 10 + 10 + 10 + 32 + 70 + 46 + 44);
        assertThat(results.webSocket().count()).isEqualTo(20 * 4 + 108 * 3);
        assertThat(results.byName().get("tasks: list").ok()).isEqualTo(70);
        assertThat(results.byName().get("ws: connect").ok()).isEqualTo(20);
        assertThat(results.http().ko() + results.webSocket().ko()).isZero();
        assertThat(results.usersStarted()).isEqualTo(76).isEqualTo(results.usersEnded());
        assertThat(results.truncated()).isFalse();
    }

    @Test
    void globalPercentilesAgreeWithGatlingWithinItsRounding() {
        RunResults results = SimulationLogReader.read(SMOKE);
        Histogram all = results.http().histogram();
        all.add(results.webSocket().histogram());

        assertThat(all.getMinValue()).isZero();
        assertThat(all.getMaxValue()).isEqualTo(1006);
        assertThat(all.getMean()).isCloseTo(46, within(0.5));
        assertThat(all.getValueAtPercentile(50)).isCloseTo(4, within(1L));
        assertThat(all.getValueAtPercentile(75)).isCloseTo(10, within(1L));
        assertThat(all.getValueAtPercentile(95)).isCloseTo(174, within(4L));
        assertThat(all.getValueAtPercentile(99)).isCloseTo(988, within(10L));
    }

    @Test
    void seriesAndWindowsAddUpToTheTotals() {
        RunResults results = SimulationLogReader.read(SMOKE);
        long perSecond = results.series().stream().mapToLong(RunResults.SeriesPoint::requests).sum();
        assertThat(perSecond).isEqualTo(672);
        assertThat(results.series()).allSatisfy(p -> assertThat(p.activeUsers()).isBetween(0L, 76L));
        assertThat(results.series().stream().mapToLong(RunResults.SeriesPoint::openSockets).max().orElseThrow()).isEqualTo(20);
        assertThat(results.series().getLast().openSockets()).isZero();

        RunMetricSource source = new RunMetricSource(results, RunMetricSource.wholeRun(results));
        Measurement throughput = source.measure(Metric.THROUGHPUT, new Scope.Http(), source.span());
        assertThat(throughput.samples()).isEqualTo(results.http().count());
        long windowed = source.windows(java.time.Duration.ofSeconds(3)).stream()
                .mapToLong(w -> source.measure(Metric.ERROR_RATE, new Scope.Http(), w).samples()).sum();
        assertThat(windowed).as("3 s windows partition the run").isEqualTo(results.http().count());
        assertThat(source.measure(Metric.ERROR_RATE, new Scope.Http(), source.span()).value()).isZero();
        assertThat(source.measure(Metric.P95, new Scope.Http(), source.span()).value())
                .isEqualTo(results.http().percentileMillis(95));
        assertThat(source.measure(Metric.WS_CONNECTIONS, new Scope.WebSocket(), source.span()).value()).isEqualTo(20);
        Window empty = new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThat(source.measure(Metric.P95, new Scope.Http(), empty).hasData()).isFalse();
    }
}
