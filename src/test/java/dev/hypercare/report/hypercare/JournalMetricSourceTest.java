package dev.hypercare.report.hypercare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.probe.Reason;
import dev.hypercare.probe.ResultSummary;
import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalMetricSourceTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Window HOUR = new Window(T0, T0.plus(Duration.ofHours(1)));

    /**
     * Probe "a" checks every 10 s for an hour; its checks in minute m take (m + 1) * 10 ms plus 0 to 5 ms;
     * in minute 7 every check fails. Probe "b" checks once a minute and always takes 1 ms.
     */
    private static ProbeHistory history(Window detail) {
        ProbeHistory.Builder b = new ProbeHistory.Builder(HOUR, detail);
        for (int s = 0; s < 3600; s += 10) {
            int minute = s / 60;
            boolean ok = minute != 7;
            b.add(new ResultSummary("a", "here", T0.plusSeconds(s), ok, ok ? 200 : 503, ok ? Reason.OK : Reason.STATUS,
                    Duration.ofMillis((minute + 1) * 10L + s % 60 / 10)));
            if (s % 60 == 0) {
                b.add(new ResultSummary("b", "here", T0.plusSeconds(s), true, 200, Reason.OK, Duration.ofMillis(1)));
            }
        }
        return b.build();
    }

    private static Window minutes(int from, int to) {
        return new Window(T0.plus(Duration.ofMinutes(from)), T0.plus(Duration.ofMinutes(to)));
    }

    @Test
    void ratesAndExactPercentilesOverAnyRunOfMinutes() {
        JournalMetricSource source = new JournalMetricSource(history(HOUR), HOUR);
        Scope a = new Scope.Probe("a");
        assertThat(source.measure(Metric.ERROR_RATE, a, HOUR)).isEqualTo(new Measurement(6 / 360.0, 360, HOUR));
        assertThat(source.measure(Metric.AVAILABILITY, a, minutes(7, 8))).isEqualTo(new Measurement(0.0, 6, minutes(7, 8)));
        // one minute of one probe: the fast path reads the sorted minute directly (80..85 ms in minute 7)
        assertThat(source.measure(Metric.P95, a, minutes(7, 8)).value()).isEqualTo(85);
        assertThat(source.measure(Metric.P50, a, minutes(7, 8)).value()).isEqualTo(82);
        assertThat(source.measure(Metric.MAX, a, minutes(7, 8)).value()).isEqualTo(85);
        // three minutes: 18 values 40..45, 50..55, 60..65; rank ceil(0.95 * 18) = 18 -> 65, rank 9 -> 52
        assertThat(source.measure(Metric.P95, a, minutes(3, 6)).value()).isEqualTo(65);
        assertThat(source.measure(Metric.P50, a, minutes(3, 6)).value()).isEqualTo(52);
        // the hour: rank ceil(0.95 * 360) = 342, the 342nd smallest: minute 56 (570..575 ms), its 6th value
        Measurement p95 = source.measure(Metric.P95, a, HOUR);
        assertThat(p95.value()).isEqualTo(575);
        assertThat(p95.samples()).isEqualTo(360);
        assertThat(source.measure(Metric.P99, new Scope.Probe("b"), HOUR)).isEqualTo(new Measurement(1, 60, HOUR));
    }

    @Test
    void whatTheJournalDoesNotHoldIsNoData() {
        JournalMetricSource source = new JournalMetricSource(history(minutes(0, 30)), HOUR);
        assertThat(source.measure(Metric.ERROR_RATE, new Scope.Http(), HOUR).hasData()).isFalse();
        assertThat(source.measure(Metric.ERROR_RATE, new Scope.Probe("unknown"), HOUR).hasData()).isFalse();
        assertThat(source.measure(Metric.THROUGHPUT, new Scope.Probe("a"), HOUR).hasData()).isFalse();
        assertThat(source.measure(Metric.P95, new Scope.Probe("a"), minutes(0, 30)).hasData()).isTrue();
        assertThat(source.measure(Metric.P95, new Scope.Probe("a"), minutes(29, 31)).hasData()).as("durations kept to minute 30 only").isFalse();
        assertThat(JournalMetricSource.coversScope(new Scope.Probe("a"))).isTrue();
        assertThat(JournalMetricSource.coversScope(new Scope.Request("login"))).isFalse();
    }

    @Test
    void ruleWindowsAreAtLeastAMinute() {
        JournalMetricSource source = new JournalMetricSource(history(HOUR), HOUR);
        assertThat(source.windows(Duration.ofSeconds(10))).hasSize(60).first().isEqualTo(minutes(0, 1));
        assertThat(source.windows(Duration.ofMinutes(7))).hasSize(9).last().isEqualTo(minutes(56, 60));
    }

    @Test
    void mergedBuildersEqualOneBuilder() {
        ProbeHistory.Builder one = new ProbeHistory.Builder(HOUR, HOUR), left = new ProbeHistory.Builder(HOUR, HOUR),
                right = new ProbeHistory.Builder(HOUR, HOUR);
        for (int s = 0; s < 3600; s += 15) {
            ResultSummary r = new ResultSummary(s % 45 == 0 ? "x" : "y", "l" + s % 2, T0.plusSeconds(s), s % 150 != 0, 200,
                    s % 150 != 0 ? Reason.OK : Reason.TIMEOUT, Duration.ofMillis(s % 97));
            one.add(r);
            (s < 1800 ? left : right).add(r);
        }
        left.merge(right);
        ProbeHistory a = one.build(), b = left.build();
        for (String probe : List.of("x", "y")) {
            List<ProbeHistory.Track> ta = a.tracks(List.of(probe)), tb = b.tracks(List.of(probe));
            for (Window w : List.of(HOUR, minutes(0, 1), minutes(10, 50))) {
                assertThat(b.counts(tb, w)).isEqualTo(a.counts(ta, w));
                assertThat(b.percentile(tb, w, 95)).isEqualTo(a.percentile(ta, w, 95));
            }
            assertThat(b.failures(tb, T0.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .isEqualTo(a.failures(ta, T0.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
            assertThat(tb.getFirst().locations()).isEqualTo(ta.getFirst().locations()).containsExactly("l0", "l1");
        }
    }
}
