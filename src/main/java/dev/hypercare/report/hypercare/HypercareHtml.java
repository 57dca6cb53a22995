package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.ReportText.xml;

import dev.hypercare.report.Headline;
import dev.hypercare.report.HtmlReport;
import dev.hypercare.report.SvgChart;
import dev.hypercare.report.ValueText;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.List;
import java.util.Locale;

/**
 * The hypercare reports as one self-contained HTML file each (inline CSS and SVG, no script, nothing
 * to fetch), in the look of the go/no-go report: a banner in the status colour, then the evidence.
 * Written as well-formed XML so that any XML parser can check it.
 */
public final class HypercareHtml {
    private static final String AVAILABILITY = "#1a7f37", P95 = "#0969da", WARN = "#bf8700", CRITICAL = "#cf222e";

    /** The verdict report's house style; its notes are asides here, not warnings, and tables stack. */
    static final String CSS = HtmlReport.CSS + """
            table { margin-bottom: 12px; }
            .note { color: #57606a; }
            """;

    private HypercareHtml() {}

    public static String daily(DailyReport r) {
        GateResult status = r.status();
        Headline headline = Headline.of(status);
        String title = "Hypercare daily status " + r.today().day() + " (UTC)";
        StringBuilder html = open(title + " · " + status.verdict().colour());
        banner(html, status.verdict().colour(), title + ": " + status.verdict().colour(), headline.title() + ". " + headline.reason(),
                "Status set by the policy " + r.policy() + " over the day's probe checks · exit code " + status.verdict().exitCode(false));

        DayFigures t = r.today(), b = r.before();
        html.append("<section>\n<h2>The day</h2>\n<table>\n<tr><th></th><th class=\"num\">").append(t.day()).append(t.partial() ? " (so far)" : "")
                .append("</th><th class=\"num\">").append(b.day()).append("</th><th class=\"num\">change</th></tr>\n");
        tr(html, "Status", badge(colourOf(t)), badge(colourOf(b)), "");
        tr(html, "Uptime (checks passed)", xml(ReportText.percent(t.availability())), xml(ReportText.percent(b.availability())),
                xml(ReportText.points(t.availability() - b.availability())));
        tr(html, "Error rate", xml(ReportText.percent(t.errorRate())), xml(ReportText.percent(b.errorRate())),
                xml(ReportText.points(t.errorRate() - b.errorRate())));
        tr(html, "p95 latency", xml(ReportText.millis(t.p95Millis())), xml(ReportText.millis(b.p95Millis())),
                xml(ReportText.millisChange(t.p95Millis(), b.p95Millis())));
        tr(html, "Checks (failed)", xml(ReportText.count(t.checks()) + " (" + ReportText.count(t.failures()) + ")"),
                xml(ReportText.count(b.checks()) + " (" + ReportText.count(b.failures()) + ")"), "");
        tr(html, "Incidents", Integer.toString(t.incidents()), Integer.toString(b.incidents()),
                xml(HypercareMarkdown.signed(t.incidents() - b.incidents())));
        html.append("</table>\n<p class=\"note\">Journal ").append(xml(r.journal())).append("</p>\n</section>\n");

        html.append("<section>\n<h2>Over the day (UTC)</h2>\n");
        figure(html, "Availability per hour", new SvgChart("Availability per hour", Metric.Unit.RATIO,
                List.of(new SvgChart.Line("checks passed", AVAILABILITY, r.hours().stream()
                        .map(h -> new SvgChart.Point(h.start().getEpochSecond(), h.availability())).toList())),
                List.of()).render());
        figure(html, "p95 latency per hour", new SvgChart("p95 latency per hour", Metric.Unit.MILLIS,
                List.of(new SvgChart.Line("p95", P95, r.hours().stream()
                        .map(h -> new SvgChart.Point(h.start().getEpochSecond(), h.p95Millis())).toList())),
                List.of(new SvgChart.Threshold("warn", r.limits().p95WarnMillis(), WARN),
                        new SvgChart.Threshold("critical", r.limits().p95CriticalMillis(), CRITICAL))).render());
        figure(html, "Service state", StateBand.render(r.timeline(), r.today().window().start()));
        html.append("</section>\n");

        incidents(html, r.severities(), r.incidents());
        failures(html, r.topFailures());
        timeline(html, r);
        policy(html, status);
        probes(html, r.probes());
        notes(html, r.notes());
        return close(html);
    }

    public static String weekly(WeeklyReport r) {
        GateResult status = r.status();
        Headline headline = Headline.of(status);
        String title = "Hypercare weekly summary " + r.first() + " – " + r.last() + " (UTC)";
        StringBuilder html = open(title + " · " + status.verdict().colour());
        banner(html, status.verdict().colour(), title + ": " + status.verdict().colour(), headline.title() + ". " + headline.reason(),
                "Status set by the policy " + r.policy() + " over the week's probe checks · exit code " + status.verdict().exitCode(false));
        WeeklyReport.Totals w = r.week();
        html.append("<section>\n<h2>Key statistics</h2>\n<table>\n");
        tr(html, "Uptime (checks passed)", xml(ReportText.percent(w.availability())));
        tr(html, "Error rate", xml(ReportText.percent(w.errorRate())));
        tr(html, "p95 latency", xml(ReportText.millis(w.p95Millis())));
        tr(html, "Checks (failed)", xml(ReportText.count(w.checks()) + " (" + ReportText.count(w.failures()) + ")"));
        tr(html, "Incidents", Integer.toString(r.incidents().size()));
        tr(html, "Resolved in the week", Integer.toString(r.resolved()));
        tr(html, "Mean time to resolve", xml(r.meanTimeToResolve().map(ReportText::duration).orElse(ValueText.NONE)));
        tr(html, "Still open at the end", Integer.toString(r.stillOpen()));
        html.append("</table>\n<p class=\"note\">Journal ").append(xml(r.journal())).append("</p>\n</section>\n");

        html.append("<section>\n<h2>Day by day (UTC)</h2>\n<table>\n");
        head(html, "Day", "Status", "Uptime", "Error rate", "p95", "Checks", "Failed", "Incidents");
        for (DayFigures d : r.days()) {
            html.append("<tr><td>").append(xml(d.day() + (d.partial() ? " (so far)" : ""))).append("</td><td>").append(badge(colourOf(d)))
                    .append("</td>");
            for (String c : new String[] {ReportText.percent(d.availability()), ReportText.percent(d.errorRate()), ReportText.millis(d.p95Millis()),
                    ReportText.count(d.checks()), ReportText.count(d.failures()), Integer.toString(d.incidents())}) {
                html.append("<td class=\"num\">").append(xml(c)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        figure(html, "Error rate per day", new DayBars("Error rate per day", Metric.Unit.RATIO,
                r.days().stream().map(d -> new DayBars.Bar(d.day(), d.errorRate(), barColour(d))).toList(),
                List.of(new DayBars.Line("exit criterion", ExitReports.MAX_ERROR_RATE, CRITICAL))).render());
        figure(html, "p95 latency per day", new DayBars("p95 latency per day", Metric.Unit.MILLIS,
                r.days().stream().map(d -> new DayBars.Bar(d.day(), d.p95Millis(), P95)).toList(),
                List.of(new DayBars.Line("warn", r.limits().p95WarnMillis(), WARN),
                        new DayBars.Line("critical", r.limits().p95CriticalMillis(), CRITICAL))).render());
        html.append("</section>\n");

        html.append("<section>\n<h2>Trends</h2>\n<table>\n");
        head(html, "", "Days 1–3", "Days 5–7", "Trend");
        for (Trend t : List.of(r.availability(), r.latency())) {
            boolean ratio = t == r.availability();
            row(html, t.subject(), ratio ? ReportText.percent(t.early()) : ReportText.millis(t.early()),
                    ratio ? ReportText.percent(t.late()) : ReportText.millis(t.late()), t.label());
        }
        html.append("</table>\n<p class=\"why\">").append(xml(Trend.RULE)).append("</p>\n</section>\n");
        incidents(html, r.severities(), r.incidents());
        failures(html, r.topFailures());
        policy(html, status);
        notes(html, r.notes());
        return close(html);
    }

    public static String exit(ExitReport r) {
        ExitReport.Decision decision = r.decision();
        String title = "Hypercare exit review as of " + ReportText.dateTime(r.asOf());
        StringBuilder html = open(title + " · " + decision.label());
        banner(html, decision.colour(), decision.label(), HypercareMarkdown.exitReason(r), title + " · exit code " + decision.exitCode());
        html.append("<section>\n<h2>Exit criteria</h2>\n<table>\n");
        head(html, "Criterion", "Measured", "Threshold", "Outcome", "Evidence");
        for (ExitReport.Criterion c : r.criteria()) {
            html.append("<tr><td>").append(xml(c.name())).append("</td><td class=\"num\">").append(xml(c.measured())).append("</td><td>")
                    .append(xml(c.threshold())).append("</td><td><span class=\"badge ").append(c.outcome().name()).append("\">")
                    .append(c.outcome().name()).append("</span></td><td class=\"why\">").append(xml(c.evidence())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");

        html.append("<section>\n<h2>Last 14 days (UTC)</h2>\n");
        figure(html, "Error rate per day", new DayBars("Error rate per day", Metric.Unit.RATIO,
                r.days().stream().map(d -> new DayBars.Bar(d.day(), d.errorRate(), d.errorRate() >= ExitReports.MAX_ERROR_RATE ? CRITICAL : AVAILABILITY))
                        .toList(), List.of(new DayBars.Line("exit criterion", ExitReports.MAX_ERROR_RATE, CRITICAL))).render());
        html.append("<table>\n");
        head(html, "Day", "Checks", "Failed", "Availability", "Error rate", "Incidents");
        for (DayFigures d : r.days()) {
            row(html, d.day() + (d.partial() ? " (so far)" : ""), ReportText.count(d.checks()), ReportText.count(d.failures()),
                    ReportText.percent(d.availability()), ReportText.percent(d.errorRate()), Integer.toString(d.incidents()));
        }
        html.append("</table>\n</section>\n");

        ExitReport.Period p = r.period();
        html.append("<section>\n<h2>Hypercare period</h2>\n<table>\n");
        tr(html, "Journal results", xml(r.coverage().map(ReportText::window).orElse("none")));
        tr(html, "Period read", xml(ReportText.window(p.window())));
        tr(html, "Checks (failed)", xml(ReportText.count(p.checks()) + " (" + ReportText.count(p.failures()) + ")"));
        tr(html, "Overall uptime (checks passed)", xml(ReportText.percent(p.availability())));
        tr(html, "Incidents", xml(String.join(", ", p.severities().stream().map(s -> s.severity() + " " + s.count()).toList())));
        tr(html, "Mean time to resolve", xml(p.meanTimeToResolve().map(d -> ReportText.duration(d) + " (" + p.resolved() + " resolved)")
                .orElse(ValueText.NONE)));
        html.append("</table>\n</section>\n");
        incidents(html, Figures.severities(r.incidents()), r.incidents());
        notes(html, r.notes());
        return close(html);
    }

    private static String barColour(DayFigures d) {
        return switch (colourOf(d)) {
            case "RED" -> CRITICAL;
            case "AMBER" -> WARN;
            case "GREY" -> "#8c959f";
            default -> AVAILABILITY;
        };
    }

    static String colourOf(DayFigures d) {
        return d.verdict().map(v -> v.verdict().colour()).orElse("GREY");
    }

    static StringBuilder open(String title) {
        StringBuilder html = new StringBuilder(64_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(xml(title + " · hypercare")).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        return html;
    }

    static void banner(StringBuilder html, String colour, String title, String reason, String small) {
        html.append("<header class=\"banner ").append(colour).append("\">\n<h1>").append(xml(title)).append("</h1>\n<p>").append(xml(reason))
                .append("</p>\n<p class=\"exit\">").append(xml(small)).append("</p>\n</header>\n<main>\n");
    }

    static String close(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    static String badge(String colour) {
        return "<span class=\"badge " + colour + "\">" + xml(colour) + "</span>";
    }

    static String outcomeBadge(Outcome o) {
        return "<span class=\"badge " + o.name() + "\">" + xml(HypercareMarkdown.outcome(o)) + "</span>";
    }

    static void figure(StringBuilder html, String caption, String svg) {
        html.append("<figure>\n<figcaption>").append(xml(caption)).append("</figcaption>\n").append(svg).append("</figure>\n");
    }

    /** A row whose first cell is a header and the others numbers; cells are markup, already escaped. */
    static void tr(StringBuilder html, String label, String... cells) {
        html.append("<tr><th>").append(xml(label)).append("</th>");
        for (String c : cells) {
            html.append("<td class=\"num\">").append(c).append("</td>");
        }
        html.append("</tr>\n");
    }

    /** A row of text cells, escaped here. */
    static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String c : cells) {
            html.append("<td>").append(xml(c)).append("</td>");
        }
        html.append("</tr>\n");
    }

    static void head(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String c : cells) {
            html.append("<th>").append(xml(c)).append("</th>");
        }
        html.append("</tr>\n");
    }

    static void incidents(StringBuilder html, List<SeverityCount> severities, List<IncidentRow> incidents) {
        html.append("<section>\n<h2>Incidents</h2>\n<table>\n");
        head(html, "Severity", "Incidents", "Total duration", "Longest");
        for (SeverityCount s : severities) {
            row(html, s.severity().name(), Integer.toString(s.count()), s.count() == 0 ? ValueText.NONE : ReportText.duration(s.total()),
                    s.count() == 0 ? ValueText.NONE : ReportText.duration(s.longest()));
        }
        html.append("</table>\n");
        if (incidents.isEmpty()) {
            html.append("<p>No incident was open.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n");
        head(html, "Incident", "Severity", "Title", "Opened", "Resolved", "Duration");
        for (IncidentRow i : incidents) {
            row(html, i.id(), HypercareMarkdown.severity(i), i.title(), ReportText.dateTime(i.opened()),
                    i.resolved().map(ReportText::dateTime).orElse("open"), ReportText.duration(i.duration()) + (i.open() ? " so far" : ""));
        }
        html.append("</table>\n</section>\n");
    }

    private static void failures(StringBuilder html, List<FailureRow> failures) {
        html.append("<section>\n<h2>Top failure reasons</h2>\n");
        if (failures.isEmpty()) {
            html.append("<p>No check failed.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n");
        head(html, "Reason", "Failed checks", "Share of failures", "Probes");
        for (FailureRow f : failures) {
            row(html, f.reason(), ReportText.count(f.count()), ReportText.percent(f.share()), String.join(", ", f.probes()));
        }
        html.append("</table>\n</section>\n");
    }

    private static void timeline(StringBuilder html, DailyReport r) {
        html.append("<section>\n<h2>State timeline (UTC)</h2>\n<table>\n");
        head(html, "From", "To", "State", "Why");
        for (StatePeriod p : r.timeline()) {
            row(html, ValueText.time(p.from()), ReportText.endTime(p.to(), r.today().window().start()), p.label(),
                    String.join("; ", p.reasons()));
        }
        html.append("</table>\n</section>\n");
    }

    static void policy(StringBuilder html, GateResult status) {
        html.append("<section>\n<h2>Policy</h2>\n");
        status.inconclusiveReason().ifPresent(reason -> html.append("<p>INCONCLUSIVE: ").append(xml(reason)).append("</p>\n"));
        if (!status.findings().isEmpty()) {
            html.append("<table>\n");
            head(html, "Threshold", "Scope", "Measured", "Limits", "Outcome", "Checks");
            for (Finding f : status.findings()) {
                html.append("<tr><td>").append(xml(f.name())).append(f.key() ? " <small>(key)</small>" : "");
                if (f.outcome() != Outcome.PASS) {
                    html.append("<div class=\"why\">").append(xml(f.explanation())).append("</div>");
                }
                html.append("</td><td>").append(xml(f.scope().label())).append("</td><td class=\"num\">").append(xml(HypercareMarkdown.value(f)))
                        .append("</td><td>").append(xml(f.limits())).append("</td><td>").append(outcomeBadge(f.outcome()))
                        .append("</td><td class=\"num\">").append(xml(ReportText.count(f.samples()))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        if (!status.rules().isEmpty()) {
            html.append("<table>\n");
            head(html, "Rule", "Kind", "Condition", "Scope", "Fired?", "Why");
            for (RuleFinding rule : status.rules()) {
                html.append("<tr><td>").append(xml(rule.name())).append("</td><td>").append(xml(rule.kind().name().toLowerCase(Locale.ROOT)))
                        .append("</td><td>").append(xml(rule.condition())).append("</td><td>").append(xml(rule.scope().label()))
                        .append("</td><td>").append(rule.fired() ? "<span class=\"badge FIRED\">FIRED</span>" : "no")
                        .append("</td><td class=\"why\">").append(xml(rule.explanation())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    private static void probes(StringBuilder html, List<DailyReport.ProbeRow> probes) {
        html.append("<section>\n<h2>Probes</h2>\n");
        if (probes.isEmpty()) {
            html.append("<p>No probe checked during the day.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n");
        head(html, "Probe", "Location", "Checks", "Failed", "Availability", "p95");
        for (DailyReport.ProbeRow p : probes) {
            row(html, p.name(), String.join(", ", p.locations()), ReportText.count(p.checks()), ReportText.count(p.failures()),
                    ReportText.percent(p.availability()), ReportText.millis(p.p95Millis()));
        }
        html.append("</table>\n</section>\n");
    }

    static void notes(StringBuilder html, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> html.append("<li>").append(xml(n)).append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }
}
