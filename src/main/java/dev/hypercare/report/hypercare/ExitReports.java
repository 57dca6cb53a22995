package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Severity;
import dev.hypercare.journal.JournalReader;
import dev.hypercare.report.ValueText;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks the hypercare exit criteria (DESIGN §5) against the journal: error rate below 1 % on each of
 * the last 7 UTC days; no P0 in those 7 days; availability of at least 99.9 % over the last 14 days; no
 * P1 and fewer than 3 P2 in those 14 days. The days end with {@code lastDay} and the review's time is its
 * end (or now, while it runs). Incidents count when open at some time in the span, with their severity
 * as it stood at the review's time. A criterion is NO_DATA when the journal's results do not reach over
 * its span (allowing {@link Spans#GRACE} at either end), or a day of it has no check.
 */
public final class ExitReports {
    static final double MAX_ERROR_RATE = 0.01;
    static final double MIN_AVAILABILITY = 0.999;
    static final int MAX_P2 = 2;
    /** How far back the period summary reads: a hypercare period with room to spare. */
    static final int MAX_PERIOD_DAYS = 90;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private ExitReports() {}

    public static ExitReport build(Path journal, LocalDate lastDay, Instant now) {
        Instant asOf = asOf(lastDay, now);
        List<LocalDate> segmentDays = JournalReader.open(journal).days();
        LocalDate from = lastDay.minusDays(MAX_PERIOD_DAYS - 1);
        if (!segmentDays.isEmpty() && segmentDays.getFirst().isAfter(from)) {
            from = segmentDays.getFirst().isAfter(lastDay) ? lastDay : segmentDays.getFirst();
        }
        Window read = new Window(Figures.start(from), Spans.ceilMinute(asOf));
        // no latency is needed: nothing is kept per check
        Window noDetail = new Window(read.start(), read.start());
        return build(JournalEvidence.read(journal, read, noDetail), lastDay, asOf);
    }

    /** The end of {@code lastDay}, or {@code now} while it runs. */
    static Instant asOf(LocalDate lastDay, Instant now) {
        Instant end = Figures.start(lastDay.plusDays(1));
        return now.isBefore(end) ? now : end;
    }

    static ExitReport build(JournalEvidence ev, LocalDate lastDay, Instant asOf) {
        ProbeHistory h = ev.history();
        Window last7 = new Window(Figures.start(lastDay.minusDays(6)), asOf);
        Window last14 = new Window(Figures.start(lastDay.minusDays(13)), asOf);
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate d = lastDay.minusDays(13); !d.isAfter(lastDay); d = d.plusDays(1)) {
            days.add(Figures.span(ev, d, Figures.dayWindow(d, asOf), Optional.empty()));
        }
        List<DayFigures> week = days.subList(7, 14);
        List<IncidentRow> incidents7 = Figures.incidents(ev, last7);
        List<IncidentRow> incidents14 = Figures.incidents(ev, last14);

        List<ExitReport.Criterion> criteria = List.of(
                errorRateEachDay(ev, last7, week),
                noneOf(ev, last7, incidents7, Severity.P0, "No P0 in the last 7 days", 0),
                availability(ev, h, last14),
                noneOf(ev, last14, incidents14, Severity.P1, "No P1 in the last 14 days", 0),
                noneOf(ev, last14, incidents14, Severity.P2, "Fewer than 3 P2 in the last 14 days", MAX_P2));

        Window periodWindow = new Window(h.span().start(), asOf);
        ProbeHistory.Counts all = h.counts(h.all(), periodWindow);
        List<IncidentRow> periodIncidents = Figures.incidents(ev, periodWindow);
        List<Duration> resolved = periodIncidents.stream().filter(i -> i.resolved().isPresent()).map(IncidentRow::duration).toList();
        ExitReport.Period period = new ExitReport.Period(periodWindow, all.checks(), all.failures(), all.availability(),
                Figures.severities(periodIncidents), resolved.size(),
                resolved.isEmpty() ? Optional.empty() : Optional.of(resolved.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(resolved.size())));

        List<String> notes = new ArrayList<>();
        notes.add("Days are UTC days. The review is as of " + ReportText.dateTime(asOf) + "; incidents count when open at some time in"
                + " a criterion's span, with the severity they had at the review's time.");
        notes.add("A criterion is NO_DATA when the journal's probe results do not reach over its span (allowing "
                + ReportText.duration(Spans.GRACE) + " at either end) or a day of it has no check.");
        notes.addAll(ev.notes());
        return new ExitReport(ev.journal().toString(), lastDay, asOf, ev.coverage(), criteria, ExitReport.Decision.of(criteria), days,
                period, incidents14, notes);
    }

    private static ExitReport.Criterion errorRateEachDay(JournalEvidence ev, Window span, List<DayFigures> days) {
        String name = "Error rate < 1 % on each of the last 7 days";
        String threshold = "< 1 % each day";
        Optional<String> uncovered = uncovered(ev, span);
        if (uncovered.isPresent()) {
            return new ExitReport.Criterion(name, ValueText.NONE, threshold, ExitReport.Outcome.NO_DATA, uncovered.get());
        }
        String perDay = days.stream().map(d -> SHORT.format(d.day()) + " " + ReportText.percent(d.errorRate())
                + " (" + ReportText.count(d.failures()) + "/" + ReportText.count(d.checks()) + ")").collect(Collectors.joining(", "));
        List<DayFigures> empty = days.stream().filter(d -> d.checks() == 0).toList();
        if (!empty.isEmpty()) {
            return new ExitReport.Criterion(name, ValueText.NONE, threshold, ExitReport.Outcome.NO_DATA,
                    "no check on " + empty.stream().map(d -> d.day().toString()).collect(Collectors.joining(", ")) + "; per day: " + perDay);
        }
        DayFigures worst = days.stream().max((a, b) -> Double.compare(a.errorRate(), b.errorRate())).orElseThrow();
        List<DayFigures> failing = days.stream().filter(d -> !(d.errorRate() < MAX_ERROR_RATE)).toList();
        String measured = "worst " + ReportText.percent(worst.errorRate()) + " on " + worst.day();
        String evidence = (failing.isEmpty() ? "" : failing.size() + (failing.size() == 1 ? " day" : " days") + " at 1 % or more: "
                + failing.stream().map(d -> d.day().toString()).collect(Collectors.joining(", ")) + "; ") + "failed/checks per day: " + perDay;
        return new ExitReport.Criterion(name, measured, threshold, failing.isEmpty() ? ExitReport.Outcome.PASS : ExitReport.Outcome.FAIL, evidence);
    }

    private static ExitReport.Criterion availability(JournalEvidence ev, ProbeHistory h, Window span) {
        String name = "Availability ≥ 99.9 % over the last 14 days";
        String threshold = "≥ 99.9 %";
        Optional<String> uncovered = uncovered(ev, span);
        ProbeHistory.Counts c = h.counts(h.all(), span);
        if (uncovered.isPresent() || c.checks() == 0) {
            return new ExitReport.Criterion(name, ValueText.NONE, threshold, ExitReport.Outcome.NO_DATA,
                    uncovered.orElse("no check in " + ReportText.window(span)));
        }
        String evidence = ReportText.count(c.checks() - c.failures()) + " of " + ReportText.count(c.checks()) + " checks passed ("
                + ReportText.count(c.failures()) + " failed), " + ReportText.window(span);
        return new ExitReport.Criterion(name, ReportText.percent(c.availability()), threshold,
                c.availability() >= MIN_AVAILABILITY ? ExitReport.Outcome.PASS : ExitReport.Outcome.FAIL, evidence);
    }

    private static ExitReport.Criterion noneOf(JournalEvidence ev, Window span, List<IncidentRow> incidents, Severity severity,
                                               String name, int allowed) {
        String threshold = allowed == 0 ? "0" : "< " + (allowed + 1);
        Optional<String> uncovered = uncovered(ev, span);
        if (uncovered.isPresent()) {
            return new ExitReport.Criterion(name, ValueText.NONE, threshold, ExitReport.Outcome.NO_DATA, uncovered.get());
        }
        List<IncidentRow> found = incidents.stream().filter(i -> i.severity() == severity).toList();
        String measured = found.size() + " " + severity;
        String evidence = found.isEmpty()
                ? "no " + severity + " incident open in " + ReportText.window(span)
                : found.stream().map(i -> i.id() + " \"" + i.title() + "\" opened " + ReportText.dateTime(i.opened())
                        + (i.resolved().map(r -> ", resolved after " + ReportText.duration(i.duration())).orElse(", still open")))
                        .collect(Collectors.joining("; "));
        return new ExitReport.Criterion(name, measured, threshold,
                found.size() <= allowed ? ExitReport.Outcome.PASS : ExitReport.Outcome.FAIL, evidence);
    }

    /** Why the journal's results do not cover {@code span}; empty when they do. */
    static Optional<String> uncovered(JournalEvidence ev, Window span) {
        if (ev.coverage().isEmpty()) {
            return Optional.of("the journal has no probe results up to " + ReportText.dateTime(span.end()));
        }
        Window c = ev.coverage().get();
        if (c.start().isAfter(span.start().plus(Spans.GRACE))) {
            return Optional.of("the journal's results begin " + ReportText.dateTime(c.start()) + ", " + ReportText.duration(
                    Duration.between(span.start(), c.start())) + " after the span starts (" + ReportText.window(span)
                    + "); it covers " + ReportText.duration(Duration.between(c.start(), span.end())) + " of it");
        }
        if (c.end().isBefore(span.end().minus(Spans.GRACE))) {
            return Optional.of("the journal's results end " + ReportText.dateTime(c.end()) + ", " + ReportText.duration(
                    Duration.between(c.end(), span.end())) + " before the span ends (" + ReportText.window(span) + ")");
        }
        return Optional.empty();
    }
}
