package dev.hypercare.report;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code verdict.md}: the report for a pull request, a ticket or a launch channel. Headline in the
 * playbooks' language, the run, then one table per kind of evidence. Pure: the same report always
 * renders to the same text.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(GateReport report) {
        var md = new StringBuilder(4_096);
        var headline = Headline.of(report);
        md.append("# ").append(headline.title()).append("\n\n");
        md.append(inline(headline.reason())).append("\n\n");
        run(md, report.run());
        findings(md, report.result().findings());
        rules(md, report.result().rules());
        healthProbes(md, report.healthProbes());
        requests(md, report.requests());
        errors(md, report.topErrors());
        gatlingReports(md, report.run().gatlingReports());
        return md.toString();
    }

    private static void run(StringBuilder md, GateReport.Run run) {
        md.append("## Run\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, run.runIds().size() == 1 ? "Run" : "Runs", String.join(", ", run.runIds()));
        row(md, "Profile", run.profile());
        row(md, "Target", run.target());
        row(md, "Time", ValueText.dateTime(run.start()) + " – " + ValueText.dateTime(run.end())
                + " (" + ValueText.duration(run.span().length()) + ")");
        run.evaluatedWindow().ifPresent(w -> row(md, "Evaluated", ValueText.window(w) + ", ramps excluded"));
        if (run.truncated()) {
            row(md, "Note", "log truncated: the run's end is missing from the evidence");
        }
        for (String note : run.notes()) {
            row(md, "Note", note);
        }
        md.append('\n');
    }

    private static void findings(StringBuilder md, List<Finding> findings) {
        md.append("## Thresholds\n\n");
        if (findings.isEmpty()) {
            md.append("No thresholds were evaluated.\n\n");
            return;
        }
        md.append("| Threshold | Scope | Window | Measured | Limits | Outcome | Samples |\n");
        md.append("|---|---|---|---:|---|---|---:|\n");
        for (Finding f : findings) {
            row(md, f.key() ? f.name() + " (key)" : f.name(),
                    f.scope().label(),
                    ValueText.window(f.window()),
                    ValueText.of(f.measured(), f.metric().unit()),
                    f.limits(),
                    outcome(f.outcome()),
                    samples(f.samples(), f.minSamples()));
        }
        md.append('\n');
        // the table says what; the explanations say why, for everything that is not a plain pass
        for (Finding f : findings) {
            if (f.outcome() != Outcome.PASS && !f.explanation().isBlank()) {
                md.append("- **").append(inline(f.name())).append("** (").append(outcome(f.outcome())).append("): ")
                        .append(inline(f.explanation())).append('\n');
            }
        }
        if (findings.stream().anyMatch(f -> f.outcome() != Outcome.PASS && !f.explanation().isBlank())) {
            md.append('\n');
        }
    }

    private static void rules(StringBuilder md, List<RuleFinding> rules) {
        if (rules.isEmpty()) {
            return;
        }
        md.append("## Rollback and escalation rules\n\n");
        md.append("| Rule | Kind | Condition | Scope | Fired? | Longest breach | Worst |\n");
        md.append("|---|---|---|---|---|---|---:|\n");
        for (RuleFinding r : rules) {
            row(md, r.name(),
                    r.kind().name().toLowerCase(Locale.ROOT),
                    r.condition(),
                    r.scope().label(),
                    r.fired() ? "FIRED" : "no",
                    r.longestBreach().map(ValueText::window).orElse(ValueText.NONE),
                    ValueText.of(r.worstValue(), r.metric().unit()));
        }
        md.append('\n');
    }

    private static void healthProbes(StringBuilder md, Optional<HealthProbes> section) {
        md.append("## Health probes during the run\n\n");
        if (section.isEmpty()) {
            md.append(inline(HealthText.NONE_RAN)).append("\n\n");
            return;
        }
        HealthProbes h = section.get();
        md.append(inline(HealthText.intro(h))).append("\n\n");
        md.append("| Probe | Results | Failed | Availability | p95 | Max | Top failure reasons |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (HealthProbes.ProbeRow p : h.probes()) {
            probeRow(md, p.name(), p);
        }
        probeRow(md, "all probes", h.all());
        md.append('\n');
        md.append("### Incidents opened during the run\n\n");
        if (h.incidents().isEmpty()) {
            md.append("No incident was opened during the run.\n\n");
        } else {
            boolean runs = h.severalRuns();
            md.append(runs ? "| Run | Incident | Severity | Title | Opened | Resolved |\n|---|---|---|---|---|---|\n"
                    : "| Incident | Severity | Title | Opened | Resolved |\n|---|---|---|---|---|\n");
            for (HealthProbes.IncidentRow i : h.incidents()) {
                List<String> cells = new ArrayList<>();
                if (runs) {
                    cells.add(i.runId());
                }
                cells.addAll(List.of(i.id(), i.severity(), i.title(), ValueText.moment(i.opened(), h.window().start()),
                        HealthText.resolved(i, h.window().start())));
                row(md, cells.toArray(String[]::new));
            }
            md.append('\n');
        }
        for (String note : h.notes()) {
            md.append("- Note: ").append(inline(note)).append('\n');
        }
        if (!h.notes().isEmpty()) {
            md.append('\n');
        }
    }

    private static void probeRow(StringBuilder md, String label, HealthProbes.ProbeRow p) {
        row(md, label,
                ValueText.count(p.samples()),
                ValueText.count(p.failures()),
                ValueText.percent(p.availability()),
                ValueText.millis(p.p95Millis()),
                ValueText.millis(p.maxMillis()),
                HealthText.reasons(p));
    }

    private static void requests(StringBuilder md, List<GateReport.RequestRow> requests) {
        if (requests.isEmpty()) {
            return;
        }
        md.append("## Requests\n\n");
        md.append("| Request | Count | KO | KO % | p50 | p95 | p99 | Max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : requests) {
            row(md, r.webSocket() ? r.name() + " (WebSocket)" : r.name(),
                    ValueText.count(r.count()),
                    ValueText.count(r.ko()),
                    r.count() == 0 ? ValueText.NONE : ValueText.percent((double) r.ko() / r.count()),
                    ValueText.millis(r.p50Millis()),
                    ValueText.millis(r.p95Millis()),
                    ValueText.millis(r.p99Millis()),
                    ValueText.millis(r.maxMillis()));
        }
        md.append('\n');
    }

    private static void errors(StringBuilder md, List<GateReport.ErrorRow> errors) {
        if (errors.isEmpty()) {
            return;
        }
        md.append("## Top errors\n\n");
        md.append("| Error | Count | Share |\n|---|---:|---:|\n");
        for (var e : errors) {
            row(md, e.message(), ValueText.count(e.count()), ValueText.percent(e.share()));
        }
        md.append('\n');
    }

    private static void gatlingReports(StringBuilder md, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        md.append("## Gatling reports\n\n");
        for (String path : paths) {
            md.append("- [").append(inline(path)).append("](").append(linkTarget(path)).append(")\n");
        }
        md.append('\n');
    }

    static String outcome(Outcome outcome) {
        return outcome == Outcome.NO_DATA ? "NO DATA" : outcome.name();
    }

    static String samples(long samples, long minSamples) {
        return minSamples > 0
                ? ValueText.count(samples) + " (min " + ValueText.count(minSamples) + ")"
                : ValueText.count(samples);
    }

    /** A table row; every cell is escaped. */
    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell(cell)).append(" |");
        }
        md.append('\n');
    }

    /** A table cell: one line, and no character that would end the cell or start markup. */
    public static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /**
     * Text from the run (names, messages) as literal text on one line. Only what CommonMark would
     * read as markup is escaped, so the raw file stays readable: {@code error_rate} keeps its
     * underscore (intraword), {@code _x_} does not.
     */
    static String inline(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        var out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '<' -> out.append('\\').append(c);
                case '_' -> out.append(intraword(line, i) ? "_" : "\\_");
                case '&' -> out.append(line.startsWith(";", entityEnd(line, i)) ? "&amp;" : "&");
                default -> out.append(c);
            }
        }
        // a leading # or > would make the line a heading or a quote
        return out.length() > 0 && (out.charAt(0) == '#' || out.charAt(0) == '>') ? "\\" + out : out.toString();
    }

    private static boolean intraword(String s, int i) {
        return i > 0 && i < s.length() - 1 && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** Where an entity name starting after the {@code &} at {@code i} ends (i + 1 if there is none). */
    private static int entityEnd(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '#') {
            j++;
        }
        int start = j;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return j > start ? j : i + 1;
    }

    /** Relative paths as link targets: characters that would end the link are percent-encoded. */
    private static String linkTarget(String path) {
        return path.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E");
    }
}
