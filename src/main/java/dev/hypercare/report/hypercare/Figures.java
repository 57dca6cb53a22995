package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.Severity;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The figures every hypercare report shares, computed from {@link JournalEvidence}. Pure. */
final class Figures {
    private Figures() {}

    /** [start of {@code day}, start of the next day) cut at {@code asOf}. */
    static Window dayWindow(LocalDate day, Instant asOf) {
        return cut(new Window(start(day), start(day.plusDays(1))), asOf);
    }

    static Window cut(Window w, Instant asOf) {
        Instant end = w.end().isAfter(asOf) ? asOf : w.end();
        return new Window(w.start(), end.isBefore(w.start()) ? w.start() : end);
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The figures of a span across every probe, judged by {@code policy} when given (the span must be within the detail). */
    static DayFigures span(JournalEvidence ev, LocalDate day, Window window, Optional<SloPolicy> policy) {
        ProbeHistory h = ev.history();
        ProbeHistory.Counts counts = h.counts(h.all(), window);
        double p95 = p95(h, h.all(), window);
        int incidents = ev.incidents().overlapping(window).size();
        Optional<GateResult> verdict = policy.map(p -> PolicyStatus.judge(p, h, window));
        return new DayFigures(day, window, counts.checks(), counts.failures(), counts.availability(), counts.errorRate(), p95,
                incidents, verdict);
    }

    /** p95 in ms of the checks of {@code tracks} in {@code window}; NaN when unknown or without checks. */
    static double p95(ProbeHistory h, List<ProbeHistory.Track> tracks, Window window) {
        return h.percentile(tracks, window, 95).map(ProbeHistory.Percentile::millis).orElse(Double.NaN);
    }

    /** Incidents open at some time in {@code window}, as they stood at its end. */
    static List<IncidentRow> incidents(JournalEvidence ev, Window window) {
        List<IncidentRow> rows = new ArrayList<>();
        for (Incident i : ev.incidents().overlapping(window)) {
            boolean open = i.resolved().isEmpty();
            rows.add(new IncidentRow(i.id(), i.title(), i.severity(), i.escalation(), i.opened(), i.resolved(),
                    i.duration(window.end()), open));
        }
        return rows;
    }

    /** One row per severity, P0 first, every severity listed (zero counts included). */
    static List<SeverityCount> severities(List<IncidentRow> incidents) {
        Map<Severity, List<IncidentRow>> by = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            by.put(s, new ArrayList<>());
        }
        incidents.forEach(i -> by.get(i.severity()).add(i));
        List<SeverityCount> rows = new ArrayList<>();
        by.forEach((s, list) -> rows.add(new SeverityCount(s, list.size(),
                list.stream().map(IncidentRow::duration).reduce(Duration.ZERO, Duration::plus),
                list.stream().map(IncidentRow::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO))));
        return rows;
    }

    /** The {@code top} commonest reasons checks failed on {@code day}, most first (ties by name). */
    static List<FailureRow> failures(JournalEvidence ev, LocalDate day, int top) {
        ProbeHistory h = ev.history();
        Map<FailureKey, Long> counts = new HashMap<>();
        Map<FailureKey, TreeSet<String>> probes = new HashMap<>();
        for (ProbeHistory.Track t : h.all()) {
            h.failures(List.of(t), day).forEach((k, n) -> {
                counts.merge(k, n, Long::sum);
                probes.computeIfAbsent(k, x -> new TreeSet<>()).add(t.name());
            });
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<FailureKey, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().label()))
                .limit(top)
                .map(e -> new FailureRow(e.getKey().label(), e.getValue(), (double) e.getValue() / all, List.copyOf(probes.get(e.getKey()))))
                .toList();
    }
}
