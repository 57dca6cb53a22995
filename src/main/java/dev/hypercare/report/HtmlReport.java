package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * {@code verdict.html}: the report for people, one self-contained file (inline CSS and SVG, no
 * script, no font, image or stylesheet to fetch) that opens from a CI artifact or an e-mail with no
 * network. Written as well-formed XML so that any XML parser can check it.
 */
public final class HtmlReport {
    private static final String P95 = "#0969da", P99 = "#8250df", ERRORS = "#cf222e", USERS = "#1a7f37", SOCKETS = "#bf8700";
    private static final String WARN = "#bf8700", CRITICAL = "#cf222e";
    /** A link with a scheme (http:, javascript:, ...) is shown as text: the report links only its own files. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** The house style of every HTML report: the go/no-go verdict and the hypercare reports share it. */
    public static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #24292f; margin: 0; background: #f6f8fa; }
            main { max-width: 1100px; margin: 0 auto; padding: 0 24px 48px; }
            .banner { color: #fff; padding: 24px; margin: 0 0 24px; }
            .banner h1 { margin: 0 0 6px; font-size: 2.2em; letter-spacing: .02em; }
            .banner p { margin: 0; font-size: 1.1em; }
            .banner .exit { opacity: .85; font-size: .9em; margin-top: 8px; }
            .GREEN { background: #1a7f37; } .AMBER { background: #9a6700; } .RED { background: #cf222e; } .GREY { background: #6e7781; }
            section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px 20px; margin: 0 0 20px; }
            h2 { font-size: 1.25em; margin: 0 0 12px; } h3 { font-size: 1.05em; margin: 16px 0 8px; }
            figure { margin: 0 0 16px; } figcaption { font-weight: 600; margin-bottom: 4px; }
            svg.chart { width: 100%; height: auto; display: block; }
            table { border-collapse: collapse; width: 100%; font-size: .92em; }
            th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { background: #f6f8fa; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.summary th { width: 11em; background: none; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: .85em; color: #fff; white-space: nowrap; }
            .PASS { background: #1a7f37; } .WARN { background: #9a6700; } .FAIL, .FIRED { background: #cf222e; } .NO_DATA { background: #6e7781; } .SKIPPED { background: #8c959f; }
            .why { color: #57606a; font-size: .9em; }
            .note { color: #9a6700; }
            """;

    private HtmlReport() {}

    public static String render(GateReport report) {
        var headline = Headline.of(report);
        var verdict = report.result().verdict();
        var html = new StringBuilder(64_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.escape(headline.title() + " · hypercare")).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<header class=\"banner ").append(verdict.colour()).append("\">\n")
                .append("<h1>").append(Xml.escape(headline.title())).append("</h1>\n")
                .append("<p>").append(Xml.escape(headline.reason())).append("</p>\n")
                .append("<p class=\"exit\">exit code ").append(verdict.exitCode(false)).append("</p>\n</header>\n<main>\n");
        run(html, report.run());
        charts(html, report);
        findings(html, report.result().findings());
        rules(html, report.result().rules());
        healthProbes(html, report.healthProbes());
        requests(html, report.requests());
        errors(html, report.topErrors());
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void run(StringBuilder html, GateReport.Run run) {
        html.append("<section>\n<h2>Run</h2>\n<table class=\"summary\">\n");
        summaryRow(html, run.runIds().size() == 1 ? "Run" : "Runs", Xml.escape(String.join(", ", run.runIds())));
        summaryRow(html, "Profile", Xml.escape(run.profile()));
        summaryRow(html, "Target", Xml.escape(run.target()));
        summaryRow(html, "Time", Xml.escape(ValueText.dateTime(run.start()) + " – " + ValueText.dateTime(run.end())
                + " (" + ValueText.duration(run.span().length()) + ")"));
        run.evaluatedWindow().ifPresent(w -> summaryRow(html, "Evaluated", Xml.escape(ValueText.window(w) + ", ramps excluded")));
        if (run.truncated()) {
            summaryRow(html, "Note", "<span class=\"note\">log truncated: the run's end is missing from the evidence</span>");
        }
        for (String note : run.notes()) {
            summaryRow(html, "Note", "<span class=\"note\">" + Xml.escape(note) + "</span>");
        }
        if (!run.gatlingReports().isEmpty()) {
            var links = new StringBuilder();
            for (String path : run.gatlingReports()) {
                if (!links.isEmpty()) {
                    links.append("<br/>");
                }
                links.append(SCHEME.matcher(path).find()
                        ? Xml.escape(path)
                        : "<a href=\"" + Xml.escape(path) + "\">" + Xml.escape(path) + "</a>");
            }
            summaryRow(html, "Gatling reports", links.toString());
        }
        html.append("</table>\n</section>\n");
    }

    private static void summaryRow(StringBuilder html, String label, String markup) {
        html.append("<tr><th>").append(Xml.escape(label)).append("</th><td>").append(markup).append("</td></tr>\n");
    }

    private static void charts(StringBuilder html, GateReport report) {
        var series = report.series();
        var limits = report.limits();
        html.append("<section>\n<h2>Over time</h2>\n");
        chart(html, "HTTP latency per second", new SvgChart("HTTP latency per second", Metric.Unit.MILLIS,
                List.of(line("p95", P95, series, p -> p.p95Millis() < 0 ? Double.NaN : p.p95Millis()),
                        line("p99", P99, series, p -> p.p99Millis() < 0 ? Double.NaN : p.p99Millis())),
                List.of(new SvgChart.Threshold("p95 warn", limits.p95WarnMillis(), WARN),
                        new SvgChart.Threshold("p95 critical", limits.p95CriticalMillis(), CRITICAL))));
        chart(html, "Error rate per second", new SvgChart("Error rate per second", Metric.Unit.RATIO,
                List.of(line("failed / requests", ERRORS, series, p -> p.requests() == 0 ? Double.NaN : (double) p.ko() / p.requests())),
                List.of(new SvgChart.Threshold("warn", limits.errorRateWarn(), WARN),
                        new SvgChart.Threshold("critical", limits.errorRateCritical(), CRITICAL))));
        chart(html, "Active users and WebSocket connections", new SvgChart("Active users and WebSocket connections", Metric.Unit.COUNT,
                List.of(line("active users", USERS, series, GateReport.SeriesPoint::activeUsers),
                        line("WebSocket connections", SOCKETS, series, GateReport.SeriesPoint::webSocketConnections)),
                List.of()));
        html.append("</section>\n");
    }

    private static SvgChart.Line line(String label, String colour, List<GateReport.SeriesPoint> series,
                                      ToDoubleFunction<GateReport.SeriesPoint> value) {
        return new SvgChart.Line(label, colour,
                series.stream().map(p -> new SvgChart.Point(p.epochSecond(), value.applyAsDouble(p))).toList());
    }

    private static void chart(StringBuilder html, String caption, SvgChart chart) {
        html.append("<figure>\n<figcaption>").append(Xml.escape(caption)).append("</figcaption>\n")
                .append(chart.render()).append("</figure>\n");
    }

    private static void findings(StringBuilder html, List<Finding> findings) {
        html.append("<section>\n<h2>Thresholds</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p>No thresholds were evaluated.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<tr><th>Threshold</th><th>Scope</th><th>Window</th><th class=\"num\">Measured</th>"
                + "<th>Limits</th><th>Outcome</th><th class=\"num\">Samples</th></tr>\n");
        for (Finding f : findings) {
            html.append("<tr><td>").append(Xml.escape(f.name())).append(f.key() ? " <small>(key)</small>" : "");
            if (f.outcome() != Outcome.PASS && !f.explanation().isBlank()) {
                html.append("<div class=\"why\">").append(Xml.escape(f.explanation())).append("</div>");
            }
            html.append("</td>")
                    .append(td(f.scope().label()))
                    .append(td(ValueText.window(f.window())))
                    .append(num(ValueText.of(f.measured(), f.metric().unit())))
                    .append(td(f.limits()))
                    .append("<td>").append(badge(f.outcome().name(), MarkdownReport.outcome(f.outcome()))).append("</td>")
                    .append(num(MarkdownReport.samples(f.samples(), f.minSamples())))
                    .append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void rules(StringBuilder html, List<RuleFinding> rules) {
        if (rules.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Rollback and escalation rules</h2>\n<table>\n<tr><th>Rule</th><th>Kind</th><th>Condition</th>"
                + "<th>Scope</th><th>Fired?</th><th>Longest breach</th><th class=\"num\">Worst</th></tr>\n");
        for (RuleFinding r : rules) {
            html.append("<tr><td>").append(Xml.escape(r.name()));
            if (r.fired() && !r.explanation().isBlank()) {
                html.append("<div class=\"why\">").append(Xml.escape(r.explanation())).append("</div>");
            }
            html.append("</td>")
                    .append(td(r.kind().name().toLowerCase(Locale.ROOT)))
                    .append(td(r.condition()))
                    .append(td(r.scope().label()))
                    .append("<td>").append(r.fired() ? badge("FIRED", "FIRED") : "no").append("</td>")
                    .append(td(r.longestBreach().map(ValueText::window).orElse(ValueText.NONE)))
                    .append(num(ValueText.of(r.worstValue(), r.metric().unit())))
                    .append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void healthProbes(StringBuilder html, Optional<HealthProbes> section) {
        html.append("<section>\n<h2>Health probes during the run</h2>\n");
        if (section.isEmpty()) {
            html.append("<p>").append(Xml.escape(HealthText.NONE_RAN)).append("</p>\n</section>\n");
            return;
        }
        HealthProbes h = section.get();
        html.append("<p>").append(Xml.escape(HealthText.intro(h))).append("</p>\n");
        html.append("<table>\n<tr><th>Probe</th><th class=\"num\">Results</th><th class=\"num\">Failed</th>"
                + "<th class=\"num\">Availability</th><th class=\"num\">p95</th><th class=\"num\">Max</th>"
                + "<th>Top failure reasons</th></tr>\n");
        for (HealthProbes.ProbeRow p : h.probes()) {
            probeRow(html, Xml.escape(p.name()), p);
        }
        probeRow(html, "<strong>all probes</strong>", h.all());
        html.append("</table>\n<h3>Incidents opened during the run</h3>\n");
        if (h.incidents().isEmpty()) {
            html.append("<p>No incident was opened during the run.</p>\n");
        } else {
            boolean runs = h.severalRuns();
            html.append("<table>\n<tr>").append(runs ? "<th>Run</th>" : "")
                    .append("<th>Incident</th><th>Severity</th><th>Title</th><th>Opened</th><th>Resolved</th></tr>\n");
            for (HealthProbes.IncidentRow i : h.incidents()) {
                html.append("<tr>").append(runs ? td(i.runId()) : "")
                        .append(td(i.id())).append(td(i.severity())).append(td(i.title()))
                        .append(td(ValueText.moment(i.opened(), h.window().start())))
                        .append("<td>").append(i.stillOpen()
                                ? badge("FAIL", HealthText.resolved(i, h.window().start()))
                                : Xml.escape(HealthText.resolved(i, h.window().start()))).append("</td>")
                        .append("</tr>\n");
            }
            html.append("</table>\n");
        }
        for (String note : h.notes()) {
            html.append("<p class=\"note\">").append(Xml.escape(note)).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static void probeRow(StringBuilder html, String labelMarkup, HealthProbes.ProbeRow p) {
        html.append("<tr><td>").append(labelMarkup).append("</td>")
                .append(num(ValueText.count(p.samples())))
                .append(num(ValueText.count(p.failures())))
                .append(num(ValueText.percent(p.availability())))
                .append(num(ValueText.millis(p.p95Millis())))
                .append(num(ValueText.millis(p.maxMillis())))
                .append(td(HealthText.reasons(p)))
                .append("</tr>\n");
    }

    private static void requests(StringBuilder html, List<GateReport.RequestRow> requests) {
        if (requests.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Requests</h2>\n<table>\n<tr><th>Request</th><th class=\"num\">Count</th><th class=\"num\">KO</th>"
                + "<th class=\"num\">KO %</th><th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th>"
                + "<th class=\"num\">Max</th></tr>\n");
        for (var r : requests) {
            html.append("<tr>").append(td(r.webSocket() ? r.name() + " (WebSocket)" : r.name()))
                    .append(num(ValueText.count(r.count())))
                    .append(num(ValueText.count(r.ko())))
                    .append(num(r.count() == 0 ? ValueText.NONE : ValueText.percent((double) r.ko() / r.count())))
                    .append(num(ValueText.millis(r.p50Millis())))
                    .append(num(ValueText.millis(r.p95Millis())))
                    .append(num(ValueText.millis(r.p99Millis())))
                    .append(num(ValueText.millis(r.maxMillis())))
                    .append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void errors(StringBuilder html, List<GateReport.ErrorRow> errors) {
        if (errors.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Top errors</h2>\n<table>\n<tr><th>Error</th><th class=\"num\">Count</th><th class=\"num\">Share</th></tr>\n");
        for (var e : errors) {
            html.append("<tr>").append(td(e.message())).append(num(ValueText.count(e.count())))
                    .append(num(ValueText.percent(e.share()))).append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static String td(String text) {
        return "<td>" + Xml.escape(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + Xml.escape(text) + "</td>";
    }

    private static String badge(String cssClass, String text) {
        return "<span class=\"badge " + cssClass + "\">" + Xml.escape(text) + "</span>";
    }
}
