package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void verdictAndRunAtTheTop() throws Exception {
        JsonNode doc = JSON.readTree(JsonReport.render(Fixtures.noGo()));
        assertThat(fieldNames(doc)).containsExactly("schemaVersion", "verdict", "colour", "exitCode", "inconclusiveReason", "reason",
                "run", "findings", "rules", "requests", "topErrors", "series", "chartLimits", "healthProbes");
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("verdict").asText()).isEqualTo("NO-GO");
        assertThat(doc.get("colour").asText()).isEqualTo("RED");
        assertThat(doc.get("exitCode").asInt()).isEqualTo(1);
        assertThat(doc.get("inconclusiveReason").isNull()).isTrue();
        JsonNode run = doc.get("run");
        assertThat(run.get("runIds").get(0).asText()).isEqualTo("20250601-120000-smoke");
        assertThat(run.get("start").asText()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(run.get("evaluatedFrom").asText()).isEqualTo("2025-06-01T12:01:00Z");
        assertThat(run.get("gatlingReports").get(0).asText()).isEqualTo("gatling/smoke-20250601120000/index.html");
        assertThat(run.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void findingsCarryTheirNumbersInBaseUnits() throws Exception {
        JsonNode findings = JSON.readTree(JsonReport.render(Fixtures.noGo())).get("findings");
        assertThat(findings).hasSize(7);
        JsonNode p95 = findings.get(0);
        assertThat(p95.get("name").asText()).isEqualTo("p95 latency");
        assertThat(p95.get("metric").asText()).isEqualTo("p95");
        assertThat(p95.get("scope").asText()).isEqualTo("http");
        assertThat(p95.get("scopeKind").asText()).isEqualTo("http");
        assertThat(p95.get("scopeName").isNull()).isTrue();
        assertThat(p95.get("window").get("start").asText()).isEqualTo("2025-06-01T12:01:00Z");
        assertThat(p95.get("window").get("end").asText()).isEqualTo("2025-06-01T12:09:00Z");
        assertThat(p95.get("measured").isNumber()).isTrue();
        assertThat(p95.get("measured").asDouble()).isEqualTo(1_234.0);
        assertThat(p95.get("unit").asText()).isEqualTo("ms");
        assertThat(p95.get("samples").asLong()).isEqualTo(48_213);
        assertThat(p95.get("minSamples").asLong()).isEqualTo(100);
        assertThat(p95.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(p95.get("limits").asText()).isEqualTo("warn > 500 ms, critical > 1 s");
        assertThat(p95.get("key").asBoolean()).isTrue();
        assertThat(p95.get("explanation").asText()).isEqualTo("p95 1.2 s is over the critical limit 1 s");

        JsonNode errorRate = findings.get(1);
        assertThat(errorRate.get("measured").asDouble()).isEqualTo(0.024);
        assertThat(errorRate.get("unit").asText()).isEqualTo("ratio");
        JsonNode login = findings.get(2);
        assertThat(login.get("scope").asText()).isEqualTo("request \"login\"");
        assertThat(login.get("scopeKind").asText()).isEqualTo("request");
        assertThat(login.get("scopeName").asText()).isEqualTo("login");
        assertThat(findings.get(3).get("unit").asText()).isEqualTo("per_second");
        assertThat(findings.get(6).get("unit").asText()).isEqualTo("count");
    }

    @Test
    void rulesRequestsErrorsSeriesAndLimits() throws Exception {
        JsonNode doc = JSON.readTree(JsonReport.render(Fixtures.rollback()));
        JsonNode rule = doc.get("rules").get(0);
        assertThat(rule.get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(rule.get("fired").asBoolean()).isTrue();
        assertThat(rule.get("longestBreach").get("start").asText()).isEqualTo("2025-06-01T12:04:00Z");
        assertThat(rule.get("worstValue").asDouble()).isEqualTo(0.183);
        assertThat(doc.get("rules").get(1).get("longestBreach").isNull()).isTrue();

        JsonNode login = doc.get("requests").get(0);
        assertThat(login.get("count").asLong()).isEqualTo(48_213);
        assertThat(login.get("ko").asLong()).isEqualTo(1_157);
        assertThat(login.get("p99Millis").asLong()).isEqualTo(1_530);
        assertThat(login.get("meanMillis").asDouble()).isEqualTo(182.4);
        assertThat(doc.get("requests").get(1).get("webSocket").asBoolean()).isTrue();

        assertThat(doc.get("topErrors").get(1).get("message").asText()).isEqualTo("i.n.c.ConnectTimeoutException | connection timed out\nafter 10 s");
        assertThat(doc.get("topErrors").get(0).get("share").asDouble()).isEqualTo(0.625);

        JsonNode series = doc.get("series");
        assertThat(series).hasSize(600);
        assertThat(series.get(1).get("time").asText()).isEqualTo("2025-06-01T12:00:01Z");
        assertThat(series.get(1).get("p95Millis").asLong()).isEqualTo(303);
        assertThat(series.get(96).get("p95Millis").isNull()).isTrue(); // -1: no request that second
        assertThat(series.get(96).get("requests").asLong()).isZero();
        assertThat(doc.get("chartLimits").get("p95CriticalMillis").asDouble()).isEqualTo(1_000);
    }

    @Test
    void noDataAndMissingLimitsAreNullNeverNaN() throws Exception {
        String text = JsonReport.render(Fixtures.inconclusive());
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(doc.get("colour").asText()).isEqualTo("GREY");
        assertThat(doc.get("exitCode").asInt()).isEqualTo(3);
        assertThat(doc.get("inconclusiveReason").asText()).isEqualTo("key metric p95 on http had 12 samples, 100 needed");
        JsonNode p95 = doc.get("findings").get(0);
        assertThat(p95.get("outcome").asText()).isEqualTo("NO_DATA");
        assertThat(p95.has("measured")).isTrue();
        assertThat(p95.get("measured").isNull()).isTrue();
        assertThat(p95.get("samples").asLong()).isEqualTo(12);
        assertThat(doc.get("chartLimits").get("p95WarnMillis").isNull()).isTrue();
        assertThat(doc.get("chartLimits").get("errorRateWarn").asDouble()).isEqualTo(0.01);
        assertThat(doc.get("run").get("evaluatedFrom").isNull()).isTrue();
        assertThat(doc.get("run").get("truncated").asBoolean()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
