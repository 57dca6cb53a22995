package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void noGoHeadlineNamesTheFailedThreshold() {
        String md = MarkdownReport.render(Fixtures.noGo());
        assertThat(md).startsWith("# NO-GO — RED\n\n"
                + "p95 latency on http failed: 1.2 s (limits: warn > 500 ms, critical > 1 s).\n\n");
    }

    @Test
    void findingsTableHasFormattedValuesOutcomesAndSamples() {
        String md = MarkdownReport.render(Fixtures.noGo());
        assertThat(md)
                .contains("| Threshold | Scope | Window | Measured | Limits | Outcome | Samples |")
                .contains("| p95 latency (key) | http | 12:01:00–12:09:00 UTC (8m) | 1.2 s | warn > 500 ms, critical > 1 s | FAIL | 48,213 (min 100) |")
                .contains("| error rate (key) | http | 12:01:00–12:09:00 UTC (8m) | 2.4 % | warn > 1 %, critical > 5 % | WARN | 48,213 (min 100) |")
                .contains("| login p99 | request \"login\" | 12:01:00–12:09:00 UTC (8m) | 712 ms | critical > 2 s | PASS |")
                .contains("| throughput | http | 12:01:00–12:09:00 UTC (8m) | 1,234 req/s |")
                .contains("| ws connect errors | websocket | 12:01:00–12:09:00 UTC (8m) | 0.04 % |")
                .contains("| peak sockets | websocket | 12:01:00–12:09:00 UTC (8m) | 12,500 | min 10,000 | PASS |")
                // a pipe in a name must not split the cell
                .contains("| checkout \\| p95 | group \"checkout\" | 12:01:00–12:09:00 UTC (8m) | 5.2 s |")
                .contains("- **p95 latency** (FAIL): p95 1.2 s is over the critical limit 1 s\n");
    }

    @Test
    void runSummaryShowsTheEvaluatedWindowAndTheGatlingReport() {
        String md = MarkdownReport.render(Fixtures.noGo());
        assertThat(md)
                .contains("| Run | 20250601-120000-smoke |")
                .contains("| Profile | smoke |")
                .contains("| Time | 2025-06-01 12:00:00 UTC – 2025-06-01 12:10:00 UTC (10m) |")
                .contains("| Evaluated | 12:01:00–12:09:00 UTC (8m), ramps excluded |")
                .contains("- [gatling/smoke-20250601120000/index.html](gatling/smoke-20250601120000/index.html)\n");
    }

    @Test
    void rulesRequestsAndErrorsTables() {
        String md = MarkdownReport.render(Fixtures.rollback());
        assertThat(md)
                .startsWith("# ROLLBACK — RED\n\nRollback rule error spike fired: error_rate > 10 % for 2m on http.\n")
                .contains("| error spike | rollback | error_rate > 10 % for 2m | http | FIRED | 12:04:00–12:07:00 UTC (3m) | 18.3 % |")
                .contains("| slow logins | escalate | p99 > 1.5 s for 1m | request \"login\" | no | — | 712 ms |")
                .contains("| login | 48,213 | 1,157 | 2.4 % | 120 ms | 712 ms | 1.5 s | 5.2 s |")
                .contains("| ws: connect (WebSocket) | 12,503 | 3 | 0.024 % | 15 ms | 40 ms | 80 ms | 900 ms |")
                .contains("| status.find.in(200..399), found 502 | 1,157 | 62.5 % |")
                // newline folded, pipe escaped: still one row of three cells
                .contains("| i.n.c.ConnectTimeoutException \\| connection timed out after 10 s | 694 | 37.5 % |");
    }

    @Test
    void inconclusiveShowsNoDataAndTheNotes() {
        String md = MarkdownReport.render(Fixtures.inconclusive());
        assertThat(md)
                .startsWith("# INCONCLUSIVE — GREY\n\nkey metric p95 on http had 12 samples, 100 needed\n")
                .contains("| p95 latency (key) | http | 12:01:00–12:09:00 UTC (8m) | — | warn > 500 ms, critical > 1 s | NO DATA | 12 (min 100) |")
                .contains("| Runs | run-a, run-b |")
                .contains("| Note | log truncated")
                .contains("| Note | shard run-b ended early |")
                .doesNotContain("Evaluated");
    }

    @Test
    void goSaysEverythingPassed() {
        assertThat(MarkdownReport.render(Fixtures.go()))
                .startsWith("# GO — GREEN\n\nAll 3 thresholds passed; no rollback rule fired.\n");
    }

    @Test
    void goCountsOnlyThePassesAsPassed() {
        var findings = new ArrayList<>(Fixtures.go().result().findings());
        findings.add(Fixtures.finding("probe availability", Metric.AVAILABILITY, new Scope.Probes(),
                Double.NaN, Outcome.SKIPPED, "critical < 99.5 %", true));
        findings.add(Fixtures.finding("auth failure rate", Metric.AUTH_FAILURE_RATE, new Scope.Request("login"),
                Double.NaN, Outcome.NO_DATA, "warn > 1 %", false));
        var result = new GateResult(Verdict.GO, findings, List.of(), Optional.empty());
        assertThat(MarkdownReport.render(Fixtures.report(result, List.of())))
                .startsWith("# GO — GREEN\n\n3 thresholds passed, 1 not judged, 1 without enough data.\n")
                .contains("| probe availability (key) | probes |");
    }

    @Test
    void textFromTheRunCannotStartMarkup() {
        assertThat(MarkdownReport.inline("<img src=x> *bold* _it_ error_rate [link](x) `code`"))
                .isEqualTo("\\<img src=x> \\*bold\\* \\_it\\_ error_rate \\[link\\](x) \\`code\\`");
        assertThat(MarkdownReport.inline("# not a heading")).isEqualTo("\\# not a heading");
        assertThat(MarkdownReport.inline("a &amp; b & c")).isEqualTo("a &amp;amp; b & c");
    }
}
