package dev.hypercare.metrics;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.TimelineEntry;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.WindowStats;
import dev.hypercare.report.ValueText;
import dev.hypercare.report.Xml;
import dev.hypercare.runner.ProbeStatus;
import dev.hypercare.runner.RunnerStatus;
import dev.hypercare.slo.BurnRateStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /}: the runner's status for people, one self-contained page (inline CSS, no script, font, image or
 * stylesheet to fetch) that reloads itself every {@value #REFRESH_SECONDS} seconds. It shows the state in its
 * colour and why, the service windows, every probe with its last result and windows, the burn-rate rules and
 * the open incidents with their timelines. Every text from the snapshot is escaped: probe messages and
 * condition values come from the targets. Written as well-formed XML, like the HTML reports.
 */
public final class StatusPage {
    public static final int REFRESH_SECONDS = 15;
    private static final String[] ESCALATION = {"on-call engineer", "hypercare lead", "engineering manager", "executive"};

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #24292f; margin: 0; background: #f6f8fa; }
            main { max-width: 1200px; margin: 0 auto; padding: 0 24px 48px; }
            .banner { color: #fff; padding: 20px 24px; margin: 0 0 24px; }
            .banner h1 { margin: 0 0 6px; font-size: 2em; letter-spacing: .02em; }
            .banner p, .banner ul { margin: 0; }
            .banner .since { opacity: .85; font-size: .9em; margin-top: 8px; }
            .green { background: #1a7f37; } .amber { background: #9a6700; } .red { background: #cf222e; }
            section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px 20px; margin: 0 0 20px; }
            h2 { font-size: 1.25em; margin: 0 0 12px; } h3 { font-size: 1.05em; margin: 12px 0 6px; }
            table { border-collapse: collapse; width: 100%; font-size: .92em; }
            th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { background: #f6f8fa; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: .85em; color: #fff; white-space: nowrap; }
            .UP, .OK { background: #1a7f37; } .DOWN, .FAIL, .FIRING { background: #cf222e; } .QUIET { background: #6e7781; }
            .why { color: #57606a; font-size: .9em; }
            code { font-size: .9em; background: #f6f8fa; padding: 0 3px; border-radius: 3px; }
            ol.timeline { margin: 0; padding-left: 20px; font-size: .92em; }
            footer { color: #57606a; font-size: .85em; text-align: center; }
            """;

    private StatusPage() {}

    public static String render(RunnerStatus status) {
        var html = new StringBuilder(16_384);
        var state = status.state();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(status.service() + ": " + state.label() + " · hypercare")).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<header class=\"banner ").append(esc(state.colour())).append("\">\n")
                .append("<h1>").append(esc(status.service())).append(": ").append(esc(state.label())).append("</h1>\n");
        if (status.reasons().isEmpty()) {
            html.append("<p>Every judged threshold passes and no incident is open.</p>\n");
        } else {
            html.append("<ul class=\"reasons\">\n");
            status.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p class=\"since\">since ").append(esc(ValueText.dateTime(status.since()))).append("</p>\n</header>\n<main>\n");
        serviceWindows(html, status.windows());
        probes(html, status.probes());
        burnRates(html, status.burnRates());
        incidents(html, status);
        html.append("<footer>as of ").append(esc(ValueText.dateTime(status.time())))
                .append(" · reloads every ").append(REFRESH_SECONDS).append(" s · ")
                .append("<a href=\"/api/status\">/api/status</a> · <a href=\"/metrics\">/metrics</a></footer>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void serviceWindows(StringBuilder html, List<WindowStats> windows) {
        html.append("<section>\n<h2>Service</h2>\n");
        if (windows.isEmpty()) {
            html.append("<p>No window evaluated yet.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<tr><th>Window</th><th class=\"num\">Results</th><th class=\"num\">Failures</th>"
                + "<th class=\"num\">Availability</th><th class=\"num\">Error rate</th><th class=\"num\">p95</th></tr>\n");
        for (WindowStats w : windows) {
            html.append("<tr>").append(td(WindowLabel.of(w.window())))
                    .append(num(ValueText.count(w.samples())))
                    .append(num(ValueText.count(w.failures())))
                    .append(num(ValueText.percent(w.availability())))
                    .append(num(ValueText.percent(w.errorRate())))
                    .append(num(ValueText.millis(w.p95Millis())))
                    .append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void probes(StringBuilder html, List<ProbeStatus> probes) {
        html.append("<section>\n<h2>Probes</h2>\n");
        if (probes.isEmpty()) {
            html.append("<p>No probe configured.</p>\n</section>\n");
            return;
        }
        var durations = new TreeSet<Duration>();
        probes.forEach(p -> p.windows().forEach(w -> durations.add(w.window())));
        html.append("<table>\n<tr><th>Probe</th><th>Now</th><th>Last result</th>");
        durations.forEach(d -> html.append("<th class=\"num\">").append(esc(WindowLabel.of(d))).append("</th>"));
        html.append("</tr>\n");
        for (ProbeStatus p : probes) {
            html.append("<tr><td><strong>").append(esc(p.name())).append("</strong><div class=\"why\">")
                    .append(esc(p.kind() + " · " + p.location() + " · " + p.severity().name())).append("</div></td>")
                    .append("<td>").append(p.up() ? badge("UP", "up") : badge("DOWN", "down")).append("</td>")
                    .append("<td>").append(p.last().map(StatusPage::lastResult).orElse("no result yet")).append("</td>");
            Map<Duration, WindowStats> byWindow = new LinkedHashMap<>();
            p.windows().forEach(w -> byWindow.put(w.window(), w));
            for (Duration d : durations) {
                WindowStats w = byWindow.get(d);
                html.append(w == null ? num(ValueText.NONE) : windowCell(w));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"why\">Each window: availability, p95 of probe duration, number of results.</p>\n</section>\n");
    }

    private static String lastResult(ProbeResult r) {
        var cell = new StringBuilder();
        cell.append(r.success() ? badge("OK", r.reason().text()) : badge("FAIL", r.reason().text()));
        var facts = new StringBuilder(ValueText.time(r.start()) + " UTC");
        if (r.status() >= 0) {
            facts.append(" · HTTP ").append(r.status());
        }
        facts.append(" · ").append(ValueText.millis(r.total().toNanos() / 1e6));
        r.certificate().ifPresent(c -> facts.append(" · certificate ").append(c.daysLeft()).append(" days left"));
        cell.append(' ').append(esc(facts.toString()));
        if (!r.message().isBlank()) {
            cell.append("<div class=\"why\">").append(esc(r.message())).append("</div>");
        }
        for (String failed : r.failedConditions()) {
            cell.append("<div><code>").append(esc(failed)).append("</code></div>");
        }
        return cell.toString();
    }

    private static String windowCell(WindowStats w) {
        return "<td class=\"num\">" + esc(ValueText.percent(w.availability())) + "<div class=\"why\">"
                + esc(ValueText.millis(w.p95Millis()) + " · " + ValueText.count(w.samples())) + "</div></td>";
    }

    private static void burnRates(StringBuilder html, List<BurnRateStatus> burnRates) {
        if (burnRates.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Error-budget burn rates</h2>\n<table>\n<tr><th>Rule</th><th class=\"num\">Fires at</th>"
                + "<th class=\"num\">Long window</th><th class=\"num\">Short window</th><th>Now</th></tr>\n");
        for (BurnRateStatus b : burnRates) {
            var rule = b.rule();
            html.append("<tr><td>").append(esc(rule.name())).append("<div class=\"why\">")
                    .append(rule.page() ? "pages" : "files a ticket").append("</div></td>")
                    .append(num(burn(rule.factor())))
                    .append(burnCell(rule.longWindow(), b.longBurn(), b.longSamples()))
                    .append(burnCell(rule.shortWindow(), b.shortBurn(), b.shortSamples()))
                    .append("<td>").append(b.firing() ? badge("FIRING", "firing") : badge("QUIET", "quiet"));
            if (!b.explanation().isBlank()) {
                html.append("<div class=\"why\">").append(esc(b.explanation())).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static String burnCell(Duration window, double burn, long samples) {
        return "<td class=\"num\">" + esc(burn(burn)) + "<div class=\"why\">"
                + esc(WindowLabel.of(window) + " · " + ValueText.count(samples)) + "</div></td>";
    }

    private static String burn(double rate) {
        if (!Double.isFinite(rate)) {
            return ValueText.NONE;
        }
        return BigDecimal.valueOf(rate).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "×";
    }

    private static void incidents(StringBuilder html, RunnerStatus status) {
        html.append("<section>\n<h2>Open incidents</h2>\n");
        if (status.openIncidents().isEmpty()) {
            html.append("<p>None.</p>\n</section>\n");
            return;
        }
        for (Incident i : status.openIncidents()) {
            html.append("<h3>").append(esc(i.severity().name() + " · " + i.id() + " · " + i.title())).append("</h3>\n")
                    .append("<p class=\"why\">").append(esc("opened " + ValueText.dateTime(i.opened())
                            + ", open for " + ValueText.duration(i.duration(status.time()))
                            + " · escalation: " + escalation(i.escalation()) + " · " + i.key())).append("</p>\n")
                    .append("<ol class=\"timeline\">\n");
            for (TimelineEntry e : i.timeline()) {
                html.append("<li>").append(esc(ValueText.time(e.time()) + " UTC")).append(" <strong>")
                        .append(esc(e.event())).append("</strong> ").append(esc(e.text())).append("</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</section>\n");
    }

    private static String escalation(int level) {
        return level >= 0 && level < ESCALATION.length ? ESCALATION[level] : "level " + level;
    }

    private static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    private static String badge(String cssClass, String text) {
        return "<span class=\"badge " + cssClass + "\">" + esc(text) + "</span>";
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }
}
