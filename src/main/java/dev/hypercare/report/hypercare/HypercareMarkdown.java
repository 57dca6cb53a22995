package dev.hypercare.report.hypercare;

import static dev.hypercare.report.hypercare.ReportText.markdown;

import dev.hypercare.incident.StateChange;
import dev.hypercare.report.Headline;
import dev.hypercare.report.ValueText;
import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Outcome;
import dev.hypercare.slo.RuleFinding;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The hypercare reports as Markdown, for the daily status e-mail, the weekly summary and the exit review:
 * the playbooks' headline first (status colour, the day's figures beside the day before's), then one table
 * per kind of evidence. Pure: the same report always renders to the same text.
 */
public final class HypercareMarkdown {
    private HypercareMarkdown() {}

    public static String daily(DailyReport r) {
        StringBuilder md = new StringBuilder(8_192);
        GateResult status = r.status();
        Headline headline = Headline.of(status);
        md.append("# Hypercare daily status: ").append(r.today().day()).append(" (UTC) — ").append(status.verdict().colour()).append("\n\n");
        md.append("**").append(markdown(headline.title())).append("** ").append(markdown(headline.reason())).append("\n\n");
        md.append("Status set by the policy `").append(r.policy().replace("`", "'")).append("` over the day's probe checks; journal `")
                .append(r.journal().replace("`", "'")).append("`.\n\n");

        DayFigures t = r.today(), b = r.before();
        md.append("| | ").append(t.day()).append(t.partial() ? " (so far)" : "").append(" | ").append(b.day()).append(" | change |\n");
        md.append("|---|---:|---:|---:|\n");
        row(md, "Status", colour(t), colour(b), "");
        row(md, "Uptime (checks passed)", ReportText.percent(t.availability()), ReportText.percent(b.availability()),
                ReportText.points(t.availability() - b.availability()));
        row(md, "Error rate", ReportText.percent(t.errorRate()), ReportText.percent(b.errorRate()),
                ReportText.points(t.errorRate() - b.errorRate()));
        row(md, "p95 latency", ReportText.millis(t.p95Millis()), ReportText.millis(b.p95Millis()),
                ReportText.millisChange(t.p95Millis(), b.p95Millis()));
        row(md, "Checks (failed)", ReportText.count(t.checks()) + " (" + ReportText.count(t.failures()) + ")",
                ReportText.count(b.checks()) + " (" + ReportText.count(b.failures()) + ")", "");
        row(md, "Incidents", Integer.toString(t.incidents()), Integer.toString(b.incidents()), signed(t.incidents() - b.incidents()));
        md.append('\n');

        incidents(md, r.severities(), r.incidents());
        failures(md, r.topFailures());
        timeline(md, r);
        policy(md, status);
        probes(md, r.probes());
        hours(md, r.hours());
        notes(md, r.notes());
        return md.toString();
    }

    public static String weekly(WeeklyReport r) {
        StringBuilder md = new StringBuilder(8_192);
        GateResult status = r.status();
        Headline headline = Headline.of(status);
        md.append("# Hypercare weekly summary: ").append(r.first()).append(" – ").append(r.last()).append(" (UTC) — ")
                .append(status.verdict().colour()).append("\n\n");
        md.append("**").append(markdown(headline.title())).append("** ").append(markdown(headline.reason())).append("\n\n");
        md.append("Status set by the policy `").append(r.policy().replace("`", "'")).append("` over the week's probe checks; journal `")
                .append(r.journal().replace("`", "'")).append("`.\n\n");
        WeeklyReport.Totals w = r.week();
        md.append("## Key statistics\n\n| | |\n|---|---:|\n");
        row(md, "Uptime (checks passed)", ReportText.percent(w.availability()));
        row(md, "Error rate", ReportText.percent(w.errorRate()));
        row(md, "p95 latency", ReportText.millis(w.p95Millis()));
        row(md, "Checks (failed)", ReportText.count(w.checks()) + " (" + ReportText.count(w.failures()) + ")");
        row(md, "Incidents", Integer.toString(r.incidents().size()));
        row(md, "Resolved in the week", Integer.toString(r.resolved()));
        row(md, "Mean time to resolve", r.meanTimeToResolve().map(ReportText::duration).orElse(ValueText.NONE));
        row(md, "Still open at the end", Integer.toString(r.stillOpen()));
        row(md, "Availability trend", r.availability().label());
        row(md, "Latency trend", r.latency().label());
        md.append('\n');

        md.append("## Day by day (UTC)\n\n");
        md.append("| Day | Status | Uptime | Error rate | p95 | Checks | Failed | Incidents |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (DayFigures d : r.days()) {
            row(md, d.day() + (d.partial() ? " (so far)" : ""), colour(d), ReportText.percent(d.availability()), ReportText.percent(d.errorRate()),
                    ReportText.millis(d.p95Millis()), ReportText.count(d.checks()), ReportText.count(d.failures()), Integer.toString(d.incidents()));
        }
        md.append('\n');

        md.append("## Trends\n\n| | Days 1–3 | Days 5–7 | Trend |\n|---|---:|---:|---|\n");
        row(md, "Availability", ReportText.percent(r.availability().early()), ReportText.percent(r.availability().late()), r.availability().label());
        row(md, "p95 latency", ReportText.millis(r.latency().early()), ReportText.millis(r.latency().late()), r.latency().label());
        md.append('\n').append(markdown(Trend.RULE)).append("\n\n");

        incidents(md, r.severities(), r.incidents());
        md.append("## Top failure reasons\n\n");
        if (r.topFailures().isEmpty()) {
            md.append("No check failed.\n\n");
        } else {
            md.append("| Reason | Failed checks | Share of failures | Probes |\n|---|---:|---:|---|\n");
            for (FailureRow f : r.topFailures()) {
                row(md, f.reason(), ReportText.count(f.count()), ReportText.percent(f.share()), String.join(", ", f.probes()));
            }
            md.append('\n');
        }
        policy(md, status);
        notes(md, r.notes());
        return md.toString();
    }

    public static String exit(ExitReport r) {
        StringBuilder md = new StringBuilder(8_192);
        ExitReport.Decision decision = r.decision();
        md.append("# Hypercare exit review as of ").append(ReportText.dateTime(r.asOf())).append(": ").append(decision.label()).append("\n\n");
        md.append("**").append(decision.label()).append("** ").append(markdown(exitReason(r))).append("\n\n");
        md.append("## Exit criteria\n\n| Criterion | Measured | Threshold | Outcome | Evidence |\n|---|---:|---|---|---|\n");
        for (ExitReport.Criterion c : r.criteria()) {
            row(md, c.name(), c.measured(), c.threshold(), c.outcome().name(), c.evidence());
        }
        md.append('\n');

        md.append("## Last 14 days (UTC)\n\n| Day | Checks | Failed | Availability | Error rate | Incidents |\n|---|---:|---:|---:|---:|---:|\n");
        for (DayFigures d : r.days()) {
            row(md, d.day() + (d.partial() ? " (so far)" : ""), ReportText.count(d.checks()), ReportText.count(d.failures()),
                    ReportText.percent(d.availability()), ReportText.percent(d.errorRate()), Integer.toString(d.incidents()));
        }
        md.append('\n');

        ExitReport.Period p = r.period();
        md.append("## Hypercare period\n\n| | |\n|---|---|\n");
        row(md, "Journal results", r.coverage().map(ReportText::window).orElse("none"));
        row(md, "Period read", ReportText.window(p.window()));
        row(md, "Checks (failed)", ReportText.count(p.checks()) + " (" + ReportText.count(p.failures()) + ")");
        row(md, "Overall uptime (checks passed)", ReportText.percent(p.availability()));
        row(md, "Incidents", p.severities().stream().map(s -> s.severity() + " " + s.count()).reduce((a, b) -> a + ", " + b).orElse(""));
        row(md, "Mean time to resolve", p.meanTimeToResolve().map(d -> ReportText.duration(d) + " (" + p.resolved() + " resolved)")
                .orElse(ValueText.NONE));
        md.append('\n');

        md.append("## Incidents in the last 14 days\n\n");
        if (r.incidents().isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Incident | Severity | Title | Opened | Resolved | Duration |\n|---|---|---|---|---|---:|\n");
            for (IncidentRow i : r.incidents()) {
                row(md, i.id(), severity(i), i.title(), ReportText.dateTime(i.opened()), i.resolved().map(ReportText::dateTime).orElse("open"),
                        ReportText.duration(i.duration()) + (i.open() ? " so far" : ""));
            }
            md.append('\n');
        }
        notes(md, r.notes());
        return md.toString();
    }

    /** One line on what decided the review. */
    static String exitReason(ExitReport r) {
        List<ExitReport.Criterion> failing = r.criteria().stream().filter(c -> c.outcome() == ExitReport.Outcome.FAIL).toList();
        List<ExitReport.Criterion> noData = r.criteria().stream().filter(c -> c.outcome() == ExitReport.Outcome.NO_DATA).toList();
        return switch (r.decision()) {
            case READY -> "All " + r.criteria().size() + " exit criteria pass.";
            case NOT_READY -> failing.size() + " of " + r.criteria().size() + " exit criteria fail: "
                    + String.join("; ", failing.stream().map(c -> c.name() + " (" + c.measured() + ")").toList()) + ".";
            case NO_DATA -> "The journal cannot decide " + noData.size() + " of " + r.criteria().size() + " exit criteria: "
                    + noData.getFirst().evidence() + ".";
        };
    }

    static String colour(DayFigures d) {
        return d.verdict().map(v -> v.verdict().colour() + " (" + v.verdict().label() + ")").orElse(ValueText.NONE);
    }

    static String signed(long n) {
        return n > 0 ? "+" + n : n < 0 ? "−" + -n : "±0";
    }

    static void incidents(StringBuilder md, List<SeverityCount> severities, List<IncidentRow> incidents) {
        md.append("## Incidents\n\n");
        md.append("| Severity | Incidents | Total duration | Longest |\n|---|---:|---:|---:|\n");
        for (SeverityCount s : severities) {
            row(md, s.severity().name(), Integer.toString(s.count()), s.count() == 0 ? ValueText.NONE : ReportText.duration(s.total()),
                    s.count() == 0 ? ValueText.NONE : ReportText.duration(s.longest()));
        }
        md.append('\n');
        if (incidents.isEmpty()) {
            md.append("No incident was open.\n\n");
            return;
        }
        md.append("| Incident | Severity | Title | Opened | Resolved | Duration |\n|---|---|---|---|---|---:|\n");
        for (IncidentRow i : incidents) {
            row(md, i.id(), severity(i), i.title(), ReportText.dateTime(i.opened()),
                    i.resolved().map(ReportText::dateTime).orElse("open"),
                    ReportText.duration(i.duration()) + (i.open() ? " so far" : ""));
        }
        md.append('\n');
    }

    static String severity(IncidentRow i) {
        return i.severity().name() + (i.escalation() > 0 ? " (escalation level " + i.escalation() + ")" : "");
    }

    private static void failures(StringBuilder md, List<FailureRow> failures) {
        md.append("## Top failure reasons\n\n");
        if (failures.isEmpty()) {
            md.append("No check failed.\n\n");
            return;
        }
        md.append("| Reason | Failed checks | Share of failures | Probes |\n|---|---:|---:|---|\n");
        for (FailureRow f : failures) {
            row(md, f.reason(), ReportText.count(f.count()), ReportText.percent(f.share()), String.join(", ", f.probes()));
        }
        md.append('\n');
    }

    private static void timeline(StringBuilder md, DailyReport r) {
        md.append("## State timeline (UTC)\n\n");
        md.append("| From | To | State | Why |\n|---|---|---|---|\n");
        Instant dayStart = r.today().window().start();
        for (StatePeriod p : r.timeline()) {
            row(md, ValueText.time(p.from()), ReportText.endTime(p.to(), dayStart),
                    p.label(), String.join("; ", p.reasons()));
        }
        md.append('\n');
        if (r.changes().isEmpty()) {
            md.append("No state change during the day.\n\n");
        } else {
            md.append(r.changes().size()).append(r.changes().size() == 1 ? " state change: " : " state changes: ");
            md.append(String.join(", ", r.changes().stream().map(HypercareMarkdown::change).toList())).append(".\n\n");
        }
    }

    private static String change(StateChange c) {
        return markdown(ValueText.time(c.time()) + " " + c.from().label() + " → " + c.to().label());
    }

    static void policy(StringBuilder md, GateResult status) {
        md.append("## Policy\n\n");
        status.inconclusiveReason().ifPresent(reason -> md.append("INCONCLUSIVE: ").append(markdown(reason)).append(".\n\n"));
        if (status.findings().isEmpty()) {
            return;
        }
        md.append("| Threshold | Scope | Measured | Limits | Outcome | Checks |\n|---|---|---:|---|---|---:|\n");
        for (Finding f : status.findings()) {
            row(md, f.key() ? f.name() + " (key)" : f.name(), f.scope().label(), value(f),
                    f.limits(), outcome(f.outcome()), ReportText.count(f.samples()));
        }
        md.append('\n');
        for (Finding f : status.findings()) {
            if (f.outcome() != Outcome.PASS) {
                md.append("- **").append(markdown(f.name())).append("** (").append(outcome(f.outcome())).append("): ")
                        .append(markdown(f.explanation())).append('\n');
            }
        }
        for (RuleFinding rule : status.rules()) {
            md.append("- ").append(rule.fired() ? "**" + rule.kind().name().toLowerCase(Locale.ROOT) + " rule fired**" : "rule")
                    .append(" ").append(markdown(rule.name())).append(": ").append(markdown(rule.explanation())).append('\n');
        }
        md.append('\n');
    }

    static String value(Finding f) {
        return switch (f.metric().unit()) {
            case RATIO -> ReportText.percent(f.measured());
            default -> ValueText.of(f.measured(), f.metric().unit());
        };
    }

    static String outcome(Outcome outcome) {
        return outcome == Outcome.NO_DATA ? "NO DATA" : outcome.name();
    }

    private static void probes(StringBuilder md, List<DailyReport.ProbeRow> probes) {
        md.append("## Probes\n\n");
        if (probes.isEmpty()) {
            md.append("No probe checked during the day.\n\n");
            return;
        }
        md.append("| Probe | Location | Checks | Failed | Availability | p95 |\n|---|---|---:|---:|---:|---:|\n");
        for (DailyReport.ProbeRow p : probes) {
            row(md, p.name(), String.join(", ", p.locations()), ReportText.count(p.checks()), ReportText.count(p.failures()),
                    ReportText.percent(p.availability()), ReportText.millis(p.p95Millis()));
        }
        md.append('\n');
    }

    private static void hours(StringBuilder md, List<DailyReport.HourRow> hours) {
        List<DailyReport.HourRow> failing = hours.stream().filter(h -> h.failures() > 0).toList();
        md.append("## Hours with failed checks (UTC)\n\n");
        if (failing.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Hour | Checks | Failed | Availability | p95 |\n|---|---:|---:|---:|---:|\n");
        for (DailyReport.HourRow h : failing) {
            row(md, ValueText.time(h.start()).substring(0, 5), ReportText.count(h.checks()), ReportText.count(h.failures()),
                    ReportText.percent(h.availability()), ReportText.millis(h.p95Millis()));
        }
        md.append('\n');
    }

    static void notes(StringBuilder md, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        md.append("## Notes\n\n");
        notes.forEach(n -> md.append("- ").append(markdown(n)).append('\n'));
        md.append('\n');
    }

    /** A table row; every cell is escaped. */
    static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(markdown(cell)).append(" |");
        }
        md.append('\n');
    }
}
