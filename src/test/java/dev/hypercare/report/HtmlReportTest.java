package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>)]*");

    @Test
    void isWellFormedWithABannerInTheVerdictsColourAndThreeCharts() throws Exception {
        String html = HtmlReport.render(Fixtures.noGo());
        Document doc = JunitReportTest.parse(html);
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(3);
        Element banner = (Element) doc.getElementsByTagName("header").item(0);
        assertThat(banner.getAttribute("class")).isEqualTo("banner RED");
        assertThat(banner.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("NO-GO — RED");
        assertThat(html).contains("<title>NO-GO — RED · hypercare</title>")
                .contains("<td>12:01:00–12:09:00 UTC (8m), ramps excluded</td>")
                .contains("<td class=\"num\">1.2 s</td>")
                .contains("<span class=\"badge FAIL\">FAIL</span>")
                .contains("<td>checkout | p95</td>")
                .contains("<td>ws: connect (WebSocket)</td><td class=\"num\">12,503</td>")
                .contains("<a href=\"gatling/smoke-20250601120000/index.html\">");
    }

    @Test
    void thresholdLinesAreDrawnAtTheirValues() {
        String html = HtmlReport.render(Fixtures.go());
        // latency axis 0..1,000 ms (the critical line is the highest value): y = 40 + 220 * (1 - v / 1000)
        assertThat(html).contains("data-value=\"500.0\" x1=\"80\" x2=\"940\" y1=\"150.0\" y2=\"150.0\"")
                .contains("data-value=\"1000.0\" x1=\"80\" x2=\"940\" y1=\"40.0\" y2=\"40.0\"")
                .contains(">p95 warn 500 ms</text>")
                .contains(">p95 critical 1.0 s</text>");
        // error-rate axis 0..6 % (critical 5 % rounded up): 1 % at 40 + 220 * 5/6
        assertThat(html).contains("data-value=\"0.01\" x1=\"80\" x2=\"940\" y1=\"223.3\"").contains(">warn 1.0 %</text>");
    }

    @Test
    void opensWithoutNetwork() {
        String html = HtmlReport.render(withGatlingReports(Fixtures.noGo(), List.of("https://evil.example/x", "javascript:alert(1)", "ok/index.html")));
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("href=\"https:").doesNotContain("href=\"javascript:")
                .contains("<a href=\"ok/index.html\">");
        List<String> urls = new ArrayList<>();
        Matcher m = URL.matcher(html);
        while (m.find()) {
            urls.add(m.group());
        }
        // the SVG namespace, and the target and the refused link as plain text
        assertThat(urls).containsOnly("http://www.w3.org/2000/svg", "http://127.0.0.1:8080", "https://evil.example/x");
        assertThat(html).contains("<td>http://127.0.0.1:8080</td>");
    }

    @Test
    void textFromTheRunIsEscaped() throws Exception {
        var finding = new Finding("<script>alert(1)</script>", Metric.P95, new Scope.Request("a&b"), Fixtures.EVALUATED, 100, 10, 1,
                Outcome.PASS, "critical > 1 s", false, "\u0007");
        var report = Fixtures.report(new GateResult(Verdict.GO, List.of(finding), List.of(), Optional.empty()), List.of());
        String html = HtmlReport.render(report);
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("request &quot;a&amp;b&quot;");
        JunitReportTest.parse(html);
    }

    @Test
    void chartsWithoutPointsSayNoData() throws Exception {
        String html = HtmlReport.render(Fixtures.withSeries(Fixtures.go(), List.of()));
        JunitReportTest.parse(html);
        assertThat(html.split(">no data</text>", -1)).hasSize(4);
        assertThat(html).doesNotContain("<polyline");
    }

    @Test
    void onePointIsADot() {
        String html = HtmlReport.render(Fixtures.withSeries(Fixtures.go(), Fixtures.series(1)));
        assertThat(html).doesNotContain("<polyline").contains("<circle ");
    }

    @Test
    void latencyGapsWhereNoRequestEnded() {
        String html = HtmlReport.render(Fixtures.go());
        // 600 seconds with an idle one every 97th: the p95 line breaks into 7 pieces
        long p95Lines = html.lines().filter(l -> l.startsWith("<polyline fill=\"none\" stroke=\"#0969da\"")).count();
        assertThat(p95Lines).isEqualTo(7);
    }

    @Test
    void twentyThousandSecondsArePlottedInAtMostAThousandPointsPerLine() throws Exception {
        var series = new ArrayList<>(Fixtures.series(20_000));
        var spike = series.get(12_345);
        series.set(12_345, new GateReport.SeriesPoint(spike.epochSecond(), 100, 0, 60_000, 60_000, spike.activeUsers(), spike.webSocketConnections()));
        String html = HtmlReport.render(Fixtures.withSeries(Fixtures.go(), series));
        JunitReportTest.parse(html);
        List<List<double[]>> lines = SvgChartTest.polylines(html);
        assertThat(lines).isNotEmpty().allSatisfy(points -> assertThat(points.size()).isLessThanOrEqualTo(1_000));
        // the one-second spike survives thinning: it is the latency axis' top
        assertThat(html.lines().filter(l -> l.startsWith("<polyline fill=\"none\" stroke=\"#0969da\"")))
                .anySatisfy(l -> assertThat(l).contains(",40.0"));
        assertThat(html.length()).isLessThan(500_000);
        // every chart's time axis starts where the run does, whichever point thinning kept
        assertThat(html.split(">12:00:00</text>", -1)).hasSize(4);
    }

    @Test
    void writesASampleForPeopleToLookAt() throws Exception {
        var sample = Fixtures.withSeries(Fixtures.rollback(), Fixtures.incident()).withHealthProbes(Fixtures.health());
        var written = ReportFiles.writeAll(sample, Path.of("target", "report-sample"));
        assertThat(Files.readString(written.html())).contains("<svg").contains("Health probes during the run");
        // and the edge cases: nothing to chart, and a run of five and a half hours
        ReportFiles.writeAll(Fixtures.withSeries(Fixtures.inconclusive(), List.of()), Path.of("target", "report-sample", "no-series"));
        ReportFiles.writeAll(Fixtures.withSeries(Fixtures.go(), Fixtures.series(20_000)), Path.of("target", "report-sample", "long-run"));
    }

    private static GateReport withGatlingReports(GateReport report, List<String> paths) {
        var r = report.run();
        var run = new GateReport.Run(r.runIds(), r.profile(), r.target(), r.start(), r.end(), r.evaluatedFrom(), r.evaluatedTo(),
                paths, r.truncated(), r.notes());
        return new GateReport(run, report.result(), report.requests(), report.topErrors(), report.series(), report.limits(),
                report.healthProbes());
    }
}
