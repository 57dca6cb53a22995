package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The "Health probes during the run" section in each of the four reports, with probes and without. */
class HealthProbesReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GateReport withProbes() {
        return Fixtures.noGo().withHealthProbes(Fixtures.health());
    }

    @Test
    void markdownListsEachProbeTheWholeServiceAndTheIncidents() {
        String md = MarkdownReport.render(withProbes());
        assertThat(md)
                .contains("## Health probes during the run\n\n2 probes of profiles/probes.yaml, every 1s, against the load's target;"
                        + " judged over 12:01:00–12:09:00 UTC (8m), the span of the load's thresholds.\n\n")
                .contains("| Probe | Results | Failed | Availability | p95 | Max | Top failure reasons |\n|---|---:|---:|---:|---:|---:|---|\n")
                .contains("| demo live | 480 | 12 | 97.5 % | 41 ms | 2.0 s | refused: connection refused (10), timeout: no response within the timeout of 2s (2) |\n")
                .contains("| demo \\| ws | 240 | 0 | 100.0 % | 13 ms | 30 ms | — |\n")
                .contains("| all probes | 720 | 12 | 98.3 % | 38 ms | 2.0 s | refused: connection refused (10),")
                .contains("### Incidents opened during the run\n\n| Incident | Severity | Title | Opened | Resolved |\n")
                .contains("| INC-20250601-001 | P1 | demo live failing: refused | 12:04:10 UTC | 12:06:30 UTC |\n")
                .contains("| INC-20250601-002 | P2 | demo \\<ws> failing: timeout | 12:08:00 UTC | still open when the probes stopped |\n")
                .contains("- Note: run 20250601-120000-smoke: probes journal: the last 17 bytes are not a whole record\n");
        // after the rules, before the requests: the section is part of the verdict's evidence
        assertThat(md.indexOf("## Health probes")).isGreaterThan(md.indexOf("## Rollback and escalation rules"))
                .isLessThan(md.indexOf("## Requests"));
    }

    @Test
    void withoutProbesEachReportSaysNoneRan() throws Exception {
        GateReport report = Fixtures.noGo();
        assertThat(MarkdownReport.render(report)).contains("## Health probes during the run\n\nNo health probes ran beside this load test"
                + " (--no-probes, or a run from before they did): the probe thresholds were not judged.\n\n");
        assertThat(HtmlReport.render(report)).contains("<h2>Health probes during the run</h2>\n<p>No health probes ran beside this load test");
        assertThat(JSON.readTree(JsonReport.render(report)).get("healthProbes").isNull()).isTrue();
        Document junit = JunitReportTest.parse(JunitReport.render(report));
        assertThat(suiteOutput(junit)).startsWith("Health probes during the run: No health probes ran");
        assertThat(property(junit, "healthProbes.incidents")).isNull();
    }

    @Test
    void markdownWithIncidentsOfSeveralShardsNamesTheirRuns() {
        HealthProbes h = Fixtures.health();
        var other = new HealthProbes.IncidentRow("20250601-120000-smoke-2", "INC-20250601-001", "P1", "demo live failing: refused",
                Fixtures.INCIDENT_OPENED, Optional.empty());
        var shards = new HealthProbes(h.source(), h.window(), h.probes(), h.all(), List.of(h.incidents().getFirst(), other), h.notes());
        String md = MarkdownReport.render(Fixtures.noGo().withHealthProbes(shards));
        assertThat(md).contains("| Run | Incident | Severity | Title | Opened | Resolved |\n")
                .contains("| 20250601-120000-smoke-2 | INC-20250601-001 | P1 |");
    }

    @Test
    void htmlIsWellFormedAndMarksIncidentsStillOpen() throws Exception {
        String html = HtmlReport.render(withProbes());
        JunitReportTest.parse(html);
        assertThat(html)
                .contains("<h2>Health probes during the run</h2>")
                .contains("<tr><td>demo live</td><td class=\"num\">480</td><td class=\"num\">12</td><td class=\"num\">97.5 %</td>"
                        + "<td class=\"num\">41 ms</td><td class=\"num\">2.0 s</td>"
                        + "<td>refused: connection refused (10), timeout: no response within the timeout of 2s (2)</td></tr>")
                .contains("<tr><td><strong>all probes</strong></td><td class=\"num\">720</td>")
                .contains("<h3>Incidents opened during the run</h3>")
                .contains("<td>demo &lt;ws&gt; failing: timeout</td><td>12:08:00 UTC</td>"
                        + "<td><span class=\"badge FAIL\">still open when the probes stopped</span></td>")
                .contains("<td>12:04:10 UTC</td><td>12:06:30 UTC</td>")
                .contains("<p class=\"note\">run 20250601-120000-smoke: probes journal:");
    }

    @Test
    void jsonCarriesEveryFigureInBaseUnits() throws Exception {
        JsonNode doc = JSON.readTree(JsonReport.render(withProbes()));
        assertThat(doc.get("schemaVersion").asInt()).as("an added field: compatible").isEqualTo(1);
        JsonNode h = doc.get("healthProbes");
        assertThat(h.get("source").asText()).isEqualTo("2 probes of profiles/probes.yaml, every 1s, against the load's target");
        assertThat(h.at("/window/start").asText()).isEqualTo("2025-06-01T12:01:00Z");
        assertThat(h.at("/window/end").asText()).isEqualTo("2025-06-01T12:09:00Z");
        JsonNode live = h.get("probes").get(0);
        assertThat(live.get("name").asText()).isEqualTo("demo live");
        assertThat(live.get("samples").asLong()).isEqualTo(480);
        assertThat(live.get("failures").asLong()).isEqualTo(12);
        assertThat(live.get("availability").asDouble()).isEqualTo(0.975);
        assertThat(live.get("p95Millis").asDouble()).isEqualTo(41.2);
        assertThat(live.get("maxMillis").asDouble()).isEqualTo(2_000.0);
        assertThat(live.at("/topReasons/0/reason").asText()).isEqualTo("refused: connection refused");
        assertThat(live.at("/topReasons/0/count").asLong()).isEqualTo(10);
        assertThat(h.at("/allProbes/samples").asLong()).isEqualTo(720);
        JsonNode resolved = h.get("incidents").get(0);
        assertThat(resolved.get("id").asText()).isEqualTo("INC-20250601-001");
        assertThat(resolved.get("runId").asText()).isEqualTo("20250601-120000-smoke");
        assertThat(resolved.get("severity").asText()).isEqualTo("P1");
        assertThat(resolved.get("opened").asText()).isEqualTo("2025-06-01T12:04:10Z");
        assertThat(resolved.get("resolved").asText()).isEqualTo("2025-06-01T12:06:30Z");
        assertThat(resolved.get("stillOpen").asBoolean()).isFalse();
        JsonNode open = h.get("incidents").get(1);
        assertThat(open.get("resolved").isNull()).isTrue();
        assertThat(open.get("stillOpen").asBoolean()).isTrue();
        assertThat(h.get("notes")).hasSize(1);
    }

    @Test
    void jsonWritesNullForAProbeWithoutResults() throws Exception {
        HealthProbes h = Fixtures.health();
        var silent = new HealthProbes.ProbeRow("demo tls", 0, 0, Double.NaN, Double.NaN, Double.NaN, List.of());
        var report = Fixtures.noGo().withHealthProbes(new HealthProbes(h.source(), h.window(), List.of(silent), h.all(), List.of(), List.of()));
        JsonNode probe = JSON.readTree(JsonReport.render(report)).at("/healthProbes/probes/0");
        assertThat(probe.get("availability").isNull()).isTrue();
        assertThat(probe.get("p95Millis").isNull()).isTrue();
        assertThat(MarkdownReport.render(report)).contains("| demo tls | 0 | 0 | — | — | — | — |")
                .contains("No incident was opened during the run.\n");
    }

    @Test
    void junitSaysWhatTheProbesSawInPropertiesAndSuiteOutput() throws Exception {
        Document xml = JunitReportTest.parse(JunitReport.render(withProbes()));
        assertThat(property(xml, "healthProbes.availability")).isEqualTo("98.3 %");
        assertThat(property(xml, "healthProbes.incidents")).isEqualTo("2");
        assertThat(property(xml, "healthProbes.stillOpen")).isEqualTo("1");
        assertThat(suiteOutput(xml))
                .contains("  demo live: 480 results, 12 failed, availability 97.5 %, p95 41 ms, max 2.0 s; refused: connection refused (10),")
                .contains("Incident INC-20250601-001 P1: demo live failing: refused; opened 12:04:10 UTC, resolved: 12:06:30 UTC\n")
                .contains("Incident INC-20250601-002 P2: demo <ws> failing: timeout; opened 12:08:00 UTC, resolved: still open when the probes stopped\n");
    }

    @Test
    void junitCountsSkippedThresholds() throws Exception {
        var skipped = new Finding("probe availability", Metric.AVAILABILITY, new Scope.Probes(), Fixtures.EVALUATED, Double.NaN, 0, 10,
                Outcome.SKIPPED, "target >= 99.9 %", true, "probe availability not judged: a load test run without health probes does not measure probes");
        var report = Fixtures.report(new GateResult(Verdict.GO, List.of(skipped), List.of(), Optional.empty()), List.of());
        Element suite = JunitReportTest.parse(JunitReport.render(report)).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    }

    /** The suite's own system-out (not a test case's). */
    private static String suiteOutput(Document xml) {
        for (Node n = xml.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("system-out")) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no system-out on the suite");
    }

    private static String property(Document xml, String name) {
        var properties = xml.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
