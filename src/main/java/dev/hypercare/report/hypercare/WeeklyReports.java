package dev.hypercare.report.hypercare;

import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** Builds the {@link WeeklyReport} of the seven UTC days ending with {@code last}. */
public final class WeeklyReports {
    private WeeklyReports() {}

    public static WeeklyReport build(Path journal, Supplier<SloPolicy> policy, String policyName, LocalDate last, Instant asOf) {
        LocalDate first = last.minusDays(6);
        Window read = new Window(Figures.start(first), Spans.ceilMinute(Figures.cut(new Window(Figures.start(first),
                Figures.start(last.plusDays(1))), asOf).end()));
        return build(JournalEvidence.read(journal, read, read), policy.get(), policyName, last, asOf);
    }

    static WeeklyReport build(JournalEvidence ev, SloPolicy policy, String policyName, LocalDate last, Instant asOf) {
        LocalDate first = last.minusDays(6);
        Window week = Figures.cut(new Window(Figures.start(first), Figures.start(last.plusDays(1))), asOf);
        ProbeHistory h = ev.history();
        // the week and each of its days are judged apart (eight evaluations of the policy): side by side on
        // the machine's cores, as everything they read is immutable
        CompletableFuture<GateResult> weekStatus = CompletableFuture.supplyAsync(() -> PolicyStatus.judge(policy, h, week));
        List<DayFigures> days = IntStream.range(0, 7).parallel()
                .mapToObj(i -> Figures.span(ev, first.plusDays(i), Figures.dayWindow(first.plusDays(i), asOf), Optional.of(policy)))
                .toList();
        ProbeHistory.Counts counts = h.counts(h.all(), week);
        WeeklyReport.Totals totals = new WeeklyReport.Totals(counts.checks(), counts.failures(), counts.availability(), counts.errorRate(),
                Figures.p95(h, h.all(), week));
        GateResult status = weekStatus.join();

        List<IncidentRow> incidents = Figures.incidents(ev, week);
        List<Duration> toResolve = incidents.stream()
                .filter(i -> i.resolved().isPresent() && !i.resolved().get().isBefore(week.start()) && i.resolved().get().isBefore(week.end()))
                .map(IncidentRow::duration).toList();
        Optional<Duration> mean = toResolve.isEmpty() ? Optional.empty()
                : Optional.of(toResolve.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(toResolve.size()));
        int open = (int) incidents.stream().filter(IncidentRow::open).count();

        List<String> notes = new ArrayList<>();
        notes.add("Days are UTC days; every figure counts all probes' checks (availability: passed / all checks;"
                + " p95: of check durations, nearest rank).");
        if (!week.end().equals(Figures.start(last.plusDays(1)))) {
            notes.add("The week is not over: figures up to " + ReportText.dateTime(week.end()) + ".");
        }
        DailyReports.coverageNote(ev, week).ifPresent(notes::add);
        notes.addAll(ev.notes());
        return new WeeklyReport(ev.journal().toString(), policyName, first, last, week, status, totals, days, Figures.severities(incidents),
                incidents, toResolve.size(), mean, open, failures(ev, days), availabilityTrend(h, days), latencyTrend(h, days), PolicyStatus.limits(policy), notes);
    }

    private static List<FailureRow> failures(JournalEvidence ev, List<DayFigures> days) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, TreeSet<String>> probes = new HashMap<>();
        for (DayFigures d : days) {
            for (FailureRow f : Figures.failures(ev, d.day(), Integer.MAX_VALUE)) {
                counts.computeIfAbsent(f.reason(), k -> new long[1])[0] += f.count();
                probes.computeIfAbsent(f.reason(), k -> new TreeSet<>()).addAll(f.probes());
            }
        }
        long all = counts.values().stream().mapToLong(c -> c[0]).sum();
        return counts.entrySet().stream()
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()))
                .limit(DailyReports.TOP_FAILURES)
                .map(e -> new FailureRow(e.getKey(), e.getValue()[0], (double) e.getValue()[0] / all, List.copyOf(probes.get(e.getKey()))))
                .toList();
    }

    /** Days 1–3 and 5–7 pooled; see {@link Trend#RULE}. */
    static Trend availabilityTrend(ProbeHistory h, List<DayFigures> days) {
        List<DayFigures> early = days.subList(0, 3), late = days.subList(4, 7);
        return Trend.availability(pooled(early), pooled(late), withChecks(early) >= 2 && withChecks(late) >= 2);
    }

    static Trend latencyTrend(ProbeHistory h, List<DayFigures> days) {
        List<DayFigures> early = days.subList(0, 3), late = days.subList(4, 7);
        double e = Figures.p95(h, h.all(), new Window(early.getFirst().window().start(), early.getLast().window().end()));
        double l = Figures.p95(h, h.all(), new Window(late.getFirst().window().start(), late.getLast().window().end()));
        return Trend.latency(e, l, withChecks(early) >= 2 && withChecks(late) >= 2);
    }

    private static double pooled(List<DayFigures> days) {
        long checks = days.stream().mapToLong(DayFigures::checks).sum();
        long failures = days.stream().mapToLong(DayFigures::failures).sum();
        return checks == 0 ? Double.NaN : (double) (checks - failures) / checks;
    }

    private static long withChecks(List<DayFigures> days) {
        return days.stream().filter(d -> d.checks() > 0).count();
    }
}
