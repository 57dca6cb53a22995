package dev.hypercare.report.hypercare;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The expected figures, computed the plain way from every check a fixture wrote. */
final class Oracle {
    private final List<JournalFixture.Check> checks;

    Oracle(List<JournalFixture.Check> checks) {
        this.checks = checks;
    }

    private List<JournalFixture.Check> in(Instant from, Instant to, Predicate<String> probes) {
        return checks.stream().filter(c -> !c.start().isBefore(from) && c.start().isBefore(to) && probes.test(c.probe())).toList();
    }

    long checks(Instant from, Instant to) {
        return in(from, to, p -> true).size();
    }

    long failures(Instant from, Instant to) {
        return in(from, to, p -> true).stream().filter(c -> !c.outcome().success()).count();
    }

    double availability(Instant from, Instant to) {
        return 1 - (double) failures(from, to) / checks(from, to);
    }

    double p95(Instant from, Instant to, Predicate<String> probes) {
        double[] ms = in(from, to, probes).stream().mapToDouble(c -> c.outcome().total().toNanos() / 1e6).sorted().toArray();
        return ms[(ms.length * 95 + 99) / 100 - 1]; // nearest rank: ceil(0.95 n)
    }

    double p95(Instant from, Instant to) {
        return p95(from, to, p -> true);
    }
}
