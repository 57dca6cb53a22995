package dev.hypercare.load.probes;

import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The health probes of a finished load run as the SLO policy sees them: {@code probe:NAME} (one probe)
 * and {@code probes} (every probe together), judged after the fact, so a rule breached mid-run counts
 * even if the probes recovered before the end (not {@linkplain #live() live}). A result belongs to the
 * window its start falls in. Figures are exact, from every result: availability and error rate are
 * counts, percentiles are nearest-rank over the results' total durations (failed results included:
 * a timeout counts its full wait), throughput is results per second of the window.
 *
 * <p>Unlike the probe runner's rolling windows, whose 10 s buckets would shift a 10-second hold by up
 * to a bucket, nothing here is rounded: a run's judged span may start at any second.
 */
public final class ProbeResultsSource implements MetricSource {
    private final Window span;
    private final Series all;
    private final Map<String, Series> byProbe;

    /** {@code span}: the part of the run to judge, the same as the load results'. */
    public ProbeResultsSource(List<ProbeSample> samples, Window span) {
        this.span = span;
        List<ProbeSample> sorted = samples.stream().sorted(Comparator.comparing(ProbeSample::start)).toList();
        this.all = new Series(sorted);
        this.byProbe = sorted.stream().collect(Collectors.groupingBy(ProbeSample::probe, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Series(e.getValue()), (a, b) -> a, TreeMap::new));
    }

    /** Every probe that has a result, by name. */
    public List<String> probes() {
        return List.copyOf(byProbe.keySet());
    }

    /** The results of one probe (or, for {@link Scope.Probes}, of all) whose start lies in {@code window}. */
    public Tally tally(Scope scope, Window window) {
        Series series = switch (scope) {
            case Scope.Probe p -> byProbe.get(p.name());
            case Scope.Probes p -> all;
            default -> null;
        };
        return series == null ? Tally.EMPTY : series.tally(window);
    }

    @Override
    public Window span() {
        return span;
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        Tally t = tally(scope, window);
        if (t.samples() == 0) {
            return Measurement.none(window);
        }
        double value = switch (metric) {
            case AVAILABILITY -> t.availability();
            case ERROR_RATE -> 1 - t.availability();
            case P50 -> t.percentileMillis(50);
            case P95 -> t.percentileMillis(95);
            case P99 -> t.percentileMillis(99);
            case MAX -> t.percentileMillis(100);
            case THROUGHPUT -> window.length().isZero() ? Double.NaN : t.samples() * 1000.0 / window.length().toMillis();
            // probes open no load-test sockets and make no logins
            case WS_CONNECT_ERROR_RATE, AUTH_FAILURE_RATE, WS_CONNECTIONS -> Double.NaN;
        };
        return Double.isNaN(value) ? Measurement.none(window) : new Measurement(value, t.samples(), window);
    }

    @Override
    public boolean covers(Scope scope) {
        return scope instanceof Scope.Probe || scope instanceof Scope.Probes;
    }

    @Override
    public String description() {
        return "the health probes of the load run";
    }

    @Override
    public boolean live() {
        return false;
    }

    /**
     * Results in one window: how many, how many failed, their durations in µs (sorted) and the failures
     * counted by reason.
     */
    public record Tally(long samples, long failures, long[] sortedMicros, Map<String, Long> reasons) {
        static final Tally EMPTY = new Tally(0, 0, new long[0], Map.of());

        public Tally {
            sortedMicros = sortedMicros.clone();
            reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        }

        /** A copy: the tally stays immutable. */
        @Override
        public long[] sortedMicros() {
            return sortedMicros.clone();
        }

        /** Successes / results; NaN without results. */
        public double availability() {
            return samples == 0 ? Double.NaN : (double) (samples - failures) / samples;
        }

        /** Nearest-rank percentile of the durations in ms (100: the maximum); NaN without results. */
        public double percentileMillis(double percentile) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100 * sortedMicros.length);
            return sortedMicros[Math.clamp(rank - 1, 0, sortedMicros.length - 1)] / 1000.0;
        }

        /** The {@code limit} commonest failure reasons, commonest first (ties by name). */
        public List<Map.Entry<String, Long>> topReasons(int limit) {
            return reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    /** Results in start order, searchable by time. */
    private static final class Series {
        private final long[] startNanos;
        private final long[] micros;
        private final String[] failures; // null for a success

        Series(List<ProbeSample> sorted) {
            int n = sorted.size();
            startNanos = new long[n];
            micros = new long[n];
            failures = new String[n];
            for (int i = 0; i < n; i++) {
                ProbeSample s = sorted.get(i);
                startNanos[i] = nanos(s.start());
                micros[i] = s.micros();
                failures[i] = s.success() ? null : s.failure();
            }
        }

        Tally tally(Window window) {
            int from = firstAtOrAfter(nanos(window.start()));
            int to = firstAtOrAfter(nanos(window.end()));
            if (to <= from) {
                return Tally.EMPTY;
            }
            long[] durations = Arrays.copyOfRange(micros, from, to);
            Arrays.sort(durations);
            Map<String, Long> reasons = new TreeMap<>();
            long failed = 0;
            for (int i = from; i < to; i++) {
                if (failures[i] != null) {
                    failed++;
                    reasons.merge(failures[i], 1L, Long::sum);
                }
            }
            return new Tally(to - from, failed, durations, reasons);
        }

        private int firstAtOrAfter(long nanos) {
            int low = 0;
            int high = startNanos.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (startNanos[mid] < nanos) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** Nanoseconds since the epoch, saturated: a window may reach to Instant.MAX. */
        private static long nanos(Instant t) {
            try {
                return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
            } catch (ArithmeticException e) {
                return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
    }
}
