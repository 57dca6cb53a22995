package dev.hypercare.report.hypercare;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.probe.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the benchmark's journal (bench/report-speed.sh): {@code probes} probes checking every
 * {@code interval} seconds for {@code days} UTC days ending with {@code lastDay}, through {@link Journal}
 * as the runner writes it. Deterministic: 1 check in 500 times out (2 s); every day one probe is refused
 * for 3 to 9 minutes (a P1 incident, escalated to P0 when over 5 minutes, with its state changes); a
 * healthy check takes 15 to 74 ms.
 *
 * <p>Usage: {@code BenchJournal DIR DAYS PROBES INTERVAL_SECONDS LAST_DAY}; prints the entries written.
 */
public final class BenchJournal {
    private BenchJournal() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int days = Integer.parseInt(args[1]);
        int probeCount = Integer.parseInt(args[2]);
        Duration interval = Duration.ofSeconds(Long.parseLong(args[3]));
        LocalDate last = LocalDate.parse(args[4]);
        LocalDate first = last.minusDays(days - 1);
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < probeCount; i++) {
            probes.add(String.format("probe-%02d", i));
        }
        long started = System.nanoTime();
        long results = 0;
        int incidents = 0;
        try (JournalFixture f = new JournalFixture(dir, Scenarios.start(last.plusDays(1)), false)) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                int n = (int) (day.toEpochDay() % 7);
                String down = probes.get((int) (day.toEpochDay() % probeCount));
                Instant outageFrom = Scenarios.start(day).plus(Duration.ofHours(3 + n * 2));
                Instant outageTo = outageFrom.plus(Duration.ofMinutes(3 + n));
                JournalFixture.Plan plan = (probe, t, i) -> {
                    if (probe.equals(down) && !t.isBefore(outageFrom) && t.isBefore(outageTo)) {
                        return JournalFixture.Outcome.failed(Reason.REFUSED, -1, Duration.ofMillis(1));
                    }
                    long k = t.getEpochSecond() / interval.getSeconds() * 31 + probe.hashCode();
                    if (Math.floorMod(k, 500) == 0) {
                        return JournalFixture.Outcome.failed(Reason.TIMEOUT, -1, Duration.ofSeconds(2));
                    }
                    return JournalFixture.Outcome.ok(Duration.ofMillis(15 + Math.floorMod(k, 60)).plusNanos(Math.floorMod(k, 997) * 1000L));
                };
                Instant opened = outageFrom.plus(interval.multipliedBy(3));
                boolean escalates = Duration.between(outageFrom, outageTo).compareTo(Duration.ofMinutes(5)) > 0;
                Instant escalated = outageFrom.plus(Duration.ofMinutes(5));
                f.checks(probes, Scenarios.start(day), opened, interval, plan);
                String id = "INC-" + day.toString().replace("-", "") + "-001";
                f.incident(id, down + " failing: refused", Severity.P1, opened, Optional.empty(), Optional.empty());
                f.state(opened, ServiceState.OK, ServiceState.CRITICAL, "incident " + id + " (P1) open");
                if (escalates) {
                    f.checks(probes, opened, escalated, interval, plan);
                    f.incident(id, down + " failing: refused", Severity.P1, opened, Optional.of(escalated), Optional.empty());
                }
                Instant from = escalates ? escalated : opened;
                f.checks(probes, from, outageTo, interval, plan);
                f.incident(id, down + " failing: refused", Severity.P1, opened, escalates ? Optional.of(escalated) : Optional.empty(),
                        Optional.of(outageTo));
                f.state(outageTo, ServiceState.CRITICAL, ServiceState.OK);
                f.checks(probes, outageTo, Scenarios.start(day.plusDays(1)), interval, plan);
                incidents++;
                results += 86_400 / interval.getSeconds() * probeCount;
            }
        }
        System.out.printf("journal: %s, %d days %s..%s, %d probes every %ds: %,d results, %d incidents, written in %.1f s%n",
                dir, days, first, last, probeCount, interval.getSeconds(), results, incidents, (System.nanoTime() - started) / 1e9);
    }
}
