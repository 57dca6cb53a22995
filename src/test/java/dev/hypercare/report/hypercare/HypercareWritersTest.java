package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.Scenarios.OUTAGE_DAY;
import static dev.hypercare.report.hypercare.Scenarios.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.incident.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HypercareWritersTest {
    private static final Instant LATER = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path journal;

    private static DailyReport outage;

    @BeforeAll
    static void outageDay() {
        Scenarios.outageDay(journal);
        outage = DailyReports.build(journal, Scenarios::policy, "profiles/slo.yaml", OUTAGE_DAY, LATER);
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Nothing to fetch: no script, stylesheet, image, font or link outside the file. */
    static void selfContained(String html) {
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(")
                .doesNotContain("@import").doesNotContain("href=");
    }

    @Test
    void dailyMarkdownLeadsWithTheColourAndTheDayBeforeComparison() {
        String md = HypercareMarkdown.daily(outage);
        assertThat(md).startsWith("# Hypercare daily status: 2026-10-14 (UTC) — RED\n\n**ROLLBACK — RED** Rollback rule api error rate fired:")
                .contains("| Status | RED (ROLLBACK) | GREEN (GO) |  |\n")
                .contains("| Uptime (checks passed) | 99.51 % | 100.00 % | −0.49 pp |\n")
                .contains("| Error rate | 0.49 % | 0.00 % | +0.49 pp |\n")
                .contains("| p95 latency | 29 ms | 29 ms | ±0 ms (±0.0 %) |\n")
                .contains("| Incidents | 1 | 0 | +1 |\n")
                .contains("| P0 | 1 | 6m 50s | 6m 50s |\n")
                .contains("| INC-1 | P0 (escalation level 1) | api failing: refused | 2026-10-14 10:00:30 UTC | 2026-10-14 10:07:20 UTC | 6m 50s |\n")
                .contains("| refused | 84 | 100.00 % | api, web |\n")
                .contains("| 00:00:00 | 10:00:30 | OK |  |\n| 10:00:30 | 10:07:20 | CRITICAL | incident INC-1 (P1) open |\n"
                        + "| 10:07:20 | 24:00:00 | OK |  |\n")
                .contains("- **rollback rule fired** api error rate: error_rate > 10 % for 5m held 7m, 10:00:00–10:07:00 (worst 100 % in a 1m window): roll back")
                .contains("| 10:00 | 720 | 84 | 88.33 % | 29 ms |\n")
                .contains("Days are UTC days");
    }

    @Test
    void dailyHtmlIsSelfContainedWellFormedWithTwoChartsAndTheStateBand() throws Exception {
        String html = HypercareHtml.daily(outage);
        selfContained(html);
        Document doc = xml(html);
        Element banner = (Element) doc.getElementsByTagName("header").item(0);
        assertThat(banner.getAttribute("class")).isEqualTo("banner RED");
        assertThat(banner.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("Hypercare daily status 2026-10-14 (UTC): RED");
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(3);
        // the policy's p95 levels as threshold lines; the outage as a CRITICAL stretch of the band
        assertThat(html).contains("class=\"threshold\" data-value=\"200.0\"").contains("class=\"threshold\" data-value=\"500.0\"")
                .contains("<rect class=\"state CRITICAL\"")
                .contains("10:00:30–10:07:20 CRITICAL: incident INC-1 (P1) open");
        NodeList rects = doc.getElementsByTagName("rect");
        int states = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            states += ((Element) rects.item(i)).getAttribute("class").startsWith("state ") ? 1 : 0;
        }
        assertThat(states).isEqualTo(3);
    }

    @Test
    void dailyJsonCarriesEveryFigure() throws Exception {
        JsonNode j = JSON.readTree(HypercareJson.daily(outage));
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.get("report").asText()).isEqualTo("daily");
        assertThat(j.get("day").asText()).isEqualTo("2026-10-14");
        assertThat(j.at("/status/colour").asText()).isEqualTo("RED");
        assertThat(j.at("/status/verdict").asText()).isEqualTo("ROLLBACK");
        assertThat(j.at("/status/exitCode").asInt()).isEqualTo(1);
        assertThat(j.at("/today/checks").asLong()).isEqualTo(17_280);
        assertThat(j.at("/today/failures").asLong()).isEqualTo(84);
        assertThat(j.at("/today/availability").asDouble()).isEqualTo(outage.today().availability());
        assertThat(j.at("/dayBefore/colour").asText()).isEqualTo("GREEN");
        assertThat(j.at("/change/availability").asDouble()).isEqualTo(outage.today().availability() - 1.0);
        assertThat(j.at("/change/incidents").asInt()).isEqualTo(1);
        assertThat(j.at("/incidents/0/durationSeconds").asLong()).isEqualTo(410);
        assertThat(j.at("/incidents/0/severity").asText()).isEqualTo("P0");
        assertThat(j.at("/incidentsBySeverity/0/count").asInt()).isEqualTo(1);
        assertThat(j.at("/topFailures/0/reason").asText()).isEqualTo("refused");
        assertThat(j.at("/timeline/1/state").asText()).isEqualTo("CRITICAL");
        assertThat(j.at("/timeline/1/from").asText()).isEqualTo("2026-10-14T10:00:30Z");
        assertThat(j.get("hours").size()).isEqualTo(24);
        assertThat(j.at("/hours/10/failures").asLong()).isEqualTo(84);
        assertThat(j.at("/chartLimits/p95WarnMillis").asDouble()).isEqualTo(200);
        assertThat(j.at("/status/rules").findValuesAsText("fired")).contains("true");
        assertThat(HypercareJson.daily(outage)).doesNotContain("NaN");
    }

    @Test
    void weeklyAndExitRenderInEveryFormat(@TempDir Path dir) throws Exception {
        Scenarios.weekWithBadDay(dir, LocalDate.parse("2026-10-01"), 6, 7);
        WeeklyReport w = WeeklyReports.build(dir, Scenarios::policy, "slo.yaml", LocalDate.parse("2026-10-07"), LATER);
        String html = HypercareHtml.weekly(w);
        selfContained(html);
        assertThat(((Element) xml(html).getElementsByTagName("header").item(0)).getAttribute("class")).isEqualTo("banner AMBER");
        assertThat(html).contains("class=\"threshold\" data-value=\"0.01\"");
        assertThat(HypercareMarkdown.weekly(w)).contains("| 2026-10-06 | RED (NO-GO) | 98.47 % | 1.53 % | 29 ms | 17,280 | 264 | 0 |\n")
                .contains("| Availability | 100.00 % | 99.49 % | degrading |\n")
                .contains("Trend rule: days 5–7 against days 1–3");
        JsonNode wj = JSON.readTree(HypercareJson.weekly(w));
        assertThat(wj.at("/availabilityTrend/direction").asText()).isEqualTo("DEGRADING");
        assertThat(wj.at("/days/5/colour").asText()).isEqualTo("RED");
        assertThat(wj.get("meanTimeToResolveSeconds").isNull()).isTrue();

        ExitReport e = ExitReports.build(dir, LocalDate.parse("2026-10-07"), LATER);
        String exitHtml = HypercareHtml.exit(e);
        selfContained(exitHtml);
        assertThat(xml(exitHtml).getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("NOT READY FOR BAU");
        assertThat(HypercareMarkdown.exit(e)).startsWith("# Hypercare exit review as of 2026-10-08 00:00 UTC: NOT READY FOR BAU\n")
                .contains("| Error rate \\< 1 % on each of the last 7 days | worst 1.53 % on 2026-10-06 | \\< 1 % each day | FAIL |");
        JsonNode ej = JSON.readTree(HypercareJson.exit(e));
        assertThat(ej.get("decisionKey").asText()).isEqualTo("NOT_READY");
        assertThat(ej.get("exitCode").asInt()).isEqualTo(1);
        assertThat(ej.get("criteria").findValuesAsText("outcome")).containsExactly("FAIL", "PASS", "FAIL", "PASS", "PASS");
    }

    @Test
    void textFromTheJournalIsEscapedInEveryFormat(@TempDir Path dir) throws Exception {
        String title = "<script>alert('x')</script> & *bold* | _under_ [link](javascript:x)";
        LocalDate day = LocalDate.parse("2026-10-02");
        try (JournalFixture f = new JournalFixture(dir, LATER)) {
            f.checks(Scenarios.PROBES, Scenarios.start(day), at(day, "01:00:00"), Scenarios.EVERY, Scenarios::healthy);
            f.incident("INC-<9>", title, Severity.P2, at(day, "00:30:00"), Optional.empty(), Optional.of(at(day, "00:40:00")));
        }
        DailyReport r = DailyReports.build(dir, Scenarios::policy, "a|b`c", day, LATER);
        String html = HypercareHtml.daily(r);
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;");
        assertThat(xml(html).getElementsByTagName("script").getLength()).isZero();
        String md = HypercareMarkdown.daily(r);
        assertThat(md).contains("| INC-\\<9> | P2 | \\<script>alert('x')\\</script> & \\*bold\\* \\| \\_under\\_ \\[link\\](javascript:x) |")
                .contains("policy `a|b'c`");
        assertThat(JSON.readTree(HypercareJson.daily(r)).at("/incidents/0/title").asText()).isEqualTo(title);
        assertThat(r.incidents().getFirst().duration()).isEqualTo(Duration.ofMinutes(10));
    }
}
