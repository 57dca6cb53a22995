package dev.hypercare.report.hypercare;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.StateChange;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Builds the {@link DailyReport} of a UTC day from the journal. */
public final class DailyReports {
    static final int TOP_FAILURES = 5;

    private DailyReports() {}

    /** Reads the journal (the day and the day before) and builds the report of {@code day} as of {@code asOf}. */
    public static DailyReport build(Path journal, Supplier<SloPolicy> policy, String policyName, LocalDate day, Instant asOf) {
        Window read = new Window(Figures.start(day.minusDays(1)), Spans.ceilMinute(Figures.dayWindow(day, asOf).end()));
        return build(JournalEvidence.read(journal, read, read), policy.get(), policyName, day, asOf);
    }

    static DailyReport build(JournalEvidence ev, SloPolicy policy, String policyName, LocalDate day, Instant asOf) {
        Window window = Figures.dayWindow(day, asOf);
        // the day before is judged on another thread meanwhile: the two evaluations share only immutable inputs
        CompletableFuture<DayFigures> dayBefore = CompletableFuture.supplyAsync(() ->
                Figures.span(ev, day.minusDays(1), Figures.dayWindow(day.minusDays(1), asOf), Optional.of(policy)));
        DayFigures today = Figures.span(ev, day, window, Optional.of(policy));
        DayFigures before = dayBefore.join();
        ProbeHistory h = ev.history();

        List<DailyReport.ProbeRow> probes = new ArrayList<>();
        for (ProbeHistory.Track t : h.all()) {
            ProbeHistory.Counts c = h.counts(List.of(t), window);
            if (c.checks() > 0) {
                probes.add(new DailyReport.ProbeRow(t.name(), t.locations(), c.checks(), c.failures(), c.availability(),
                        Figures.p95(h, List.of(t), window)));
            }
        }
        List<DailyReport.HourRow> hours = new ArrayList<>();
        for (Instant hour = window.start(); hour.isBefore(window.end()); hour = hour.plus(Duration.ofHours(1))) {
            Window w = Figures.cut(new Window(hour, hour.plus(Duration.ofHours(1))), window.end());
            ProbeHistory.Counts c = h.counts(h.all(), w);
            hours.add(new DailyReport.HourRow(hour, c.checks(), c.failures(), c.availability(), Figures.p95(h, h.all(), w)));
        }
        List<IncidentRow> incidents = Figures.incidents(ev, window);
        List<StateChange> changes = ev.incidents().changes(window);

        List<String> notes = new ArrayList<>();
        notes.add("Days are UTC days; every figure counts all probes' checks (availability: passed / all checks;"
                + " p95: of check durations, nearest rank).");
        if (today.partial()) {
            notes.add(day + " is not over: figures up to " + ReportText.dateTime(window.end()) + ".");
        }
        coverageNote(ev, window).ifPresent(notes::add);
        notes.addAll(ev.notes());
        GateResult status = today.verdict().orElseThrow();
        return new DailyReport(ev.journal().toString(), policyName, today, before, status, probes,
                Figures.severities(incidents), incidents, Figures.failures(ev, day, TOP_FAILURES), timeline(ev, window, changes),
                changes, hours, PolicyStatus.limits(policy), notes);
    }

    /** The day cut into periods of one state, from the state at its start (UNKNOWN before the journal's first change). */
    static List<StatePeriod> timeline(JournalEvidence ev, Window window, List<StateChange> changes) {
        List<StatePeriod> periods = new ArrayList<>();
        Optional<ServiceState> state = ev.incidents().stateAt(window.start());
        Instant from = window.start();
        List<String> reasons = List.of();
        for (StateChange c : changes) {
            if (c.time().isAfter(from)) {
                periods.add(new StatePeriod(state, from, c.time(), reasons));
            }
            state = Optional.of(c.to());
            reasons = c.reasons();
            from = c.time();
        }
        if (from.isBefore(window.end()) || periods.isEmpty()) {
            periods.add(new StatePeriod(state, from, window.end(), reasons));
        }
        return periods;
    }

    /** A line when the journal's results do not reach over the whole window. */
    static Optional<String> coverageNote(JournalEvidence ev, Window window) {
        if (ev.coverage().isEmpty()) {
            return Optional.of("The journal " + ev.journal() + " has no probe results up to " + ReportText.dateTime(window.end()) + ".");
        }
        Window c = ev.coverage().get();
        if (c.start().isAfter(window.start().plus(Spans.GRACE)) || c.end().isBefore(window.end().minus(Spans.GRACE))) {
            return Optional.of("The journal's results cover " + ReportText.window(c) + ", not all of "
                    + ReportText.window(window) + ".");
        }
        return Optional.empty();
    }
}
