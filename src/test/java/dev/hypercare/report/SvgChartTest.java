package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    static final Pattern POLYLINE = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"");
    private static final long T0 = Fixtures.START.getEpochSecond();

    @Test
    void thresholdLineSitsAtItsValue() {
        // values up to 2,000 ms: the axis runs 0..2,000 in steps of 500, the plot spans y 40..260,
        // so 500 ms is three quarters down: 40 + 220 * 0.75 = 205
        var chart = new SvgChart("latency", Metric.Unit.MILLIS,
                List.of(new SvgChart.Line("p95", "#00f", List.of(point(0, 100), point(1, 2_000)))),
                List.of(new SvgChart.Threshold("warn", 500, "#fa0"), new SvgChart.Threshold("skipped", Double.NaN, "#f00")));
        String svg = chart.render();
        assertThat(svg).contains("<line class=\"threshold\" data-value=\"500.0\" x1=\"80\" x2=\"940\" y1=\"205.0\" y2=\"205.0\"")
                .contains(">warn 500 ms</text>")
                .contains(">2.0 s</text>") // top tick
                .contains("points=\"80.0,249.0 940.0,40.0\"")
                .doesNotContain("skipped");
    }

    @Test
    void gapsSplitTheLineAndALonelyValueIsADot() {
        var chart = new SvgChart("latency", Metric.Unit.MILLIS,
                List.of(new SvgChart.Line("p95", "#00f", List.of(point(0, 100), point(1, 200), point(2, Double.NaN),
                        point(3, 300), point(4, Double.NaN), point(5, 150), point(6, 250)))),
                List.of());
        String svg = chart.render();
        assertThat(polylines(svg)).hasSize(2).allSatisfy(points -> assertThat(points).hasSize(2));
        assertThat(svg).containsOnlyOnce("<circle ");
    }

    @Test
    void onePointIsDrawnCentredAndNoPointsSayNoData() {
        String one = new SvgChart("users", Metric.Unit.COUNT, List.of(new SvgChart.Line("users", "#0a0", List.of(point(0, 42)))), List.of()).render();
        assertThat(one).contains("<circle cx=\"510.0\"").doesNotContain("<polyline").doesNotContain("no data");
        String none = new SvgChart("users", Metric.Unit.COUNT, List.of(new SvgChart.Line("users", "#0a0", List.of())), List.of()).render();
        assertThat(none).contains(">no data</text>").doesNotContain("<polyline").doesNotContain("<circle");
        String allGaps = new SvgChart("p95", Metric.Unit.MILLIS,
                List.of(new SvgChart.Line("p95", "#00f", List.of(point(0, Double.NaN), point(1, Double.NaN)))), List.of()).render();
        assertThat(allGaps).contains(">no data</text>");
    }

    @Test
    void longSeriesAreThinnedButKeepTheirSpikes() {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            points.add(point(i, i == 12_345 ? 60_000 : 300 + i % 17));
        }
        String svg = new SvgChart("latency", Metric.Unit.MILLIS, List.of(new SvgChart.Line("p95", "#00f", points)), List.of()).render();
        List<List<double[]>> lines = polylines(svg);
        assertThat(lines.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(SvgChart.MAX_PLOTTED);
        // the spike is the axis' top, y = 40
        assertThat(lines.getFirst()).anySatisfy(xy -> assertThat(xy[1]).isEqualTo(40.0));
        assertThat(lines.getFirst()).isSortedAccordingTo((a, b) -> Double.compare(a[0], b[0]));
    }

    @Test
    void downsamplingKeepsTheMaximumOfEachBucketAndGapsOfEmptyBuckets() {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(point(i, i < 5 ? Double.NaN : i == 7 ? 99 : 1));
        }
        var kept = Downsample.maxPerBucket(points, 2);
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).value()).isNaN();
        assertThat(kept.get(1)).isEqualTo(point(7, 99));
    }

    @Test
    void textIsEscaped() {
        String svg = new SvgChart("<b>&", Metric.Unit.COUNT,
                List.of(new SvgChart.Line("a<b", "\"red\"", List.of(point(0, 1), point(1, 2)))), List.of()).render();
        assertThat(svg).contains("<title>&lt;b&gt;&amp;</title>").contains(">a&lt;b</text>").contains("stroke=\"&quot;red&quot;\"");
    }

    static SvgChart.Point point(int second, double value) {
        return new SvgChart.Point(T0 + second, value);
    }

    /** The points of every polyline, as x,y pairs. */
    static List<List<double[]>> polylines(String svg) {
        List<List<double[]>> lines = new ArrayList<>();
        Matcher m = POLYLINE.matcher(svg);
        while (m.find()) {
            List<double[]> points = new ArrayList<>();
            for (String xy : m.group(1).split(" ")) {
                String[] parts = xy.split(",");
                points.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            }
            lines.add(points);
        }
        return lines;
    }
}
