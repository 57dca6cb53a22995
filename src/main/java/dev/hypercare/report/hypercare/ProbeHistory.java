package dev.hypercare.report.hypercare;

import dev.hypercare.probe.Reason;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.probe.ResultSummary;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Probe results aggregated per probe and UTC minute over a span: checks and failures for every minute,
 * failures by reason per UTC day, and, over the days the policy judges ({@code detail}), each check's
 * duration (one {@code long} per check: its minute and microseconds), from which latency percentiles over
 * any run of minutes are exact. Nothing else of a result is kept, so memory is bounded by the number of
 * probes and minutes, plus 8 bytes per check of the judged days.
 *
 * <p>Built by a {@link Builder} while the journal is read, then immutable.
 */
final class ProbeHistory {
    /** Durations longer than this (35 minutes) are kept as this: far beyond any probe timeout. */
    static final long MAX_MICROS = Integer.MAX_VALUE;

    private final Window span;
    private final Window detail;
    private final Map<String, Track> tracks;
    private final List<Track> all;

    private ProbeHistory(Window span, Window detail, Map<String, Track> tracks) {
        this.span = span;
        this.detail = detail;
        this.tracks = tracks;
        this.all = List.copyOf(tracks.values());
    }

    /** The minutes results were kept for. */
    Window span() {
        return span;
    }

    /** The minutes whose check durations were kept (latency is known only here). */
    Window detail() {
        return detail;
    }

    /** Probe names, sorted. */
    List<String> probes() {
        return List.copyOf(tracks.keySet());
    }

    /** The tracks of the named probes that have results (unknown names are left out). */
    List<Track> tracks(Collection<String> names) {
        return names.stream().map(tracks::get).filter(t -> t != null).toList();
    }

    /** Every probe's track, by name. */
    List<Track> all() {
        return all;
    }

    /** Checks and failures of {@code tracks} in the minutes that start within {@code window}. */
    Counts counts(List<Track> tracks, Window window) {
        int from = firstMinute(window);
        int to = endMinute(window);
        long checks = 0;
        long failures = 0;
        for (Track t : tracks) {
            checks += t.checksBefore[to] - t.checksBefore[from];
            failures += t.failuresBefore[to] - t.failuresBefore[from];
        }
        return new Counts(checks, failures);
    }

    /**
     * The nearest-rank {@code percentile} (0 to 100) in milliseconds of the durations of the checks of
     * {@code tracks} in the minutes starting within {@code window}, and how many there are; empty when the
     * window is not within the detail span (unknown, not zero). A single probe's single minute is already
     * sorted: rules judged minute by minute cost a binary search.
     */
    Optional<Percentile> percentile(List<Track> tracks, Window window, double percentile) {
        if (window.start().isBefore(detail.start()) || window.end().isAfter(detail.end())) {
            return Optional.empty();
        }
        int from = firstMinute(window);
        int to = endMinute(window);
        if (tracks.size() == 1 && to - from == 1) {
            Track t = tracks.getFirst();
            int[] range = t.range(from, to);
            int n = range[1] - range[0];
            return Optional.of(n == 0 ? Percentile.NONE : new Percentile((int) t.durations[range[0] + rank(percentile, n) - 1] / 1000.0, n));
        }
        int n = 0;
        int[][] ranges = new int[tracks.size()][];
        for (int i = 0; i < tracks.size(); i++) {
            ranges[i] = tracks.get(i).range(from, to);
            n += ranges[i][1] - ranges[i][0];
        }
        if (n == 0) {
            return Optional.of(Percentile.NONE);
        }
        int[] micros = new int[n];
        int at = 0;
        for (int i = 0; i < tracks.size(); i++) {
            long[] d = tracks.get(i).durations;
            for (int j = ranges[i][0]; j < ranges[i][1]; j++) {
                micros[at++] = (int) d[j];
            }
        }
        Arrays.sort(micros);
        return Optional.of(new Percentile(micros[rank(percentile, n) - 1] / 1000.0, n));
    }

    /** Nearest rank, 1-based: the smallest rank with at least {@code percentile} % of the values at or below it. */
    static int rank(double percentile, int n) {
        int rank = (int) Math.ceil(percentile * n / 100); // 95 * n is exact, 0.95 * n may not be
        return Math.max(1, Math.min(n, rank));
    }

    /** A percentile of check durations and the number of checks; NaN and 0 without checks. */
    record Percentile(double millis, long samples) {
        static final Percentile NONE = new Percentile(Double.NaN, 0);
    }

    /** Failed checks by why, of {@code tracks} on {@code day}. */
    Map<FailureKey, Long> failures(List<Track> tracks, LocalDate day) {
        Map<FailureKey, Long> sum = new HashMap<>();
        for (Track t : tracks) {
            t.reasons.getOrDefault(day, Map.of()).forEach((k, v) -> sum.merge(k, v[0], Long::sum));
        }
        return sum;
    }

    private int firstMinute(Window window) {
        return minuteAtOrAfter(window.start());
    }

    private int endMinute(Window window) {
        return minuteAtOrAfter(window.end());
    }

    /** The index of the first minute that starts at or after {@code t}, within [0, minutes]: a minute is in a window when its start is. */
    private int minuteAtOrAfter(Instant t) {
        long nanos = Duration.between(span.start(), t).toNanos();
        return (int) Math.max(0, Math.min(minutes(), Math.ceilDiv(nanos, 60_000_000_000L)));
    }

    private int minutes() {
        return (int) span.length().toMinutes();
    }

    /** Checks and failed checks. */
    record Counts(long checks, long failures) {
        double availability() {
            return checks == 0 ? Double.NaN : (double) (checks - failures) / checks;
        }

        double errorRate() {
            return checks == 0 ? Double.NaN : (double) failures / checks;
        }
    }

    /** One probe's minutes. */
    static final class Track {
        private final String name;
        private final TreeSet<String> locations = new TreeSet<>();
        private final int[] checks;
        private final int[] failures;
        private final Map<LocalDate, Map<FailureKey, long[]>> reasons = new TreeMap<>();
        /** (minute << 32 | microseconds), sorted once the history is built. */
        private long[] durations = new long[1024];
        private int durationCount;
        private String lastLocation;
        // set by build(): checks and failures before minute m, and where minute m's durations start
        private long[] checksBefore;
        private long[] failuresBefore;
        private int[] minuteStart;

        private Track(String name, int minutes) {
            this.name = name;
            this.checks = new int[minutes];
            this.failures = new int[minutes];
        }

        String name() {
            return name;
        }

        /** Location labels the probe ran with, sorted. */
        List<String> locations() {
            return List.copyOf(locations);
        }

        /** The durations' index range of the minutes [from, to). */
        private int[] range(int from, int to) {
            return new int[] {minuteStart[from], minuteStart[to]};
        }

        /** Prefix sums and minute offsets, so that counts and durations of any run of minutes cost O(1). */
        private void index() {
            Arrays.sort(durations, 0, durationCount);
            int minutes = checks.length;
            checksBefore = new long[minutes + 1];
            failuresBefore = new long[minutes + 1];
            for (int m = 0; m < minutes; m++) {
                checksBefore[m + 1] = checksBefore[m] + checks[m];
                failuresBefore[m + 1] = failuresBefore[m] + failures[m];
            }
            minuteStart = new int[minutes + 1];
            int at = 0;
            for (int m = 0; m <= minutes; m++) {
                while (at < durationCount && (int) (durations[at] >>> 32) < m) {
                    at++;
                }
                minuteStart[m] = at;
            }
        }
    }

    /** Collects results while the journal is read. Not thread-safe. */
    static final class Builder implements ResultCodec.SummarySink {
        private final Window span;
        private final Window detail;
        private final long spanStartSecond;
        private final int minutes;
        private final long detailFromSecond;
        private final long detailToSecond;
        private final Map<String, Track> tracks = new HashMap<>();
        private Track last;

        /**
         * {@code span} and {@code detail} must start and end on whole UTC minutes; results outside
         * {@code span} are ignored by {@link #add}'s caller.
         */
        Builder(Window span, Window detail) {
            requireWholeMinutes(span);
            requireWholeMinutes(detail);
            if (detail.start().isBefore(span.start()) || detail.end().isAfter(span.end())) {
                throw new IllegalArgumentException("detail " + detail + " outside span " + span);
            }
            this.span = span;
            this.detail = detail;
            this.spanStartSecond = span.start().getEpochSecond();
            this.minutes = (int) span.length().toMinutes();
            this.detailFromSecond = detail.start().getEpochSecond();
            this.detailToSecond = detail.end().getEpochSecond();
        }

        void add(ResultSummary r) {
            summary(r.probe(), r.location(), r.start().getEpochSecond(), r.start().getNano(), r.success(), r.status(), r.reason(),
                    r.total().getSeconds(), r.total().getNano());
        }

        /** One result, as {@link ResultCodec.SummaryDecoder} reads it; results outside the span are ignored. */
        @Override
        public void summary(String probe, String location, long second, int nano, boolean success, int status, Reason reason,
                            long totalSeconds, int totalNano) {
            long offset = second - spanStartSecond;
            if (offset < 0 || offset >= 60L * minutes) {
                return;
            }
            int minute = (int) (offset / 60);
            Track t = last != null && last.name.equals(probe) ? last : tracks.computeIfAbsent(probe, n -> new Track(n, minutes));
            last = t;
            if (location != t.lastLocation) { // the decoder shares names: one instance per location
                t.locations.add(location);
                t.lastLocation = location;
            }
            t.checks[minute]++;
            if (!success) {
                t.failures[minute]++;
                LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
                t.reasons.computeIfAbsent(day, d -> new HashMap<>())
                        .computeIfAbsent(new FailureKey(reason, status), k -> new long[1])[0]++;
            }
            if (second >= detailFromSecond && second < detailToSecond) {
                long micros = micros(totalSeconds, totalNano);
                if (t.durationCount == t.durations.length) {
                    t.durations = Arrays.copyOf(t.durations, t.durations.length * 2);
                }
                t.durations[t.durationCount++] = (long) minute << 32 | micros;
            }
        }

        /** Adds what {@code other} (a builder of the same spans, fed other entries) collected. */
        void merge(Builder other) {
            for (Track o : other.tracks.values()) {
                Track t = tracks.get(o.name);
                if (t == null) {
                    tracks.put(o.name, o);
                    continue;
                }
                t.locations.addAll(o.locations);
                for (int m = 0; m < minutes; m++) {
                    t.checks[m] += o.checks[m];
                    t.failures[m] += o.failures[m];
                }
                o.reasons.forEach((day, byKey) -> byKey.forEach((k, n) ->
                        t.reasons.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(k, x -> new long[1])[0] += n[0]));
                if (t.durationCount + o.durationCount > t.durations.length) {
                    t.durations = Arrays.copyOf(t.durations, t.durationCount + o.durationCount);
                }
                System.arraycopy(o.durations, 0, t.durations, t.durationCount, o.durationCount);
                t.durationCount += o.durationCount;
            }
            last = null;
        }

        ProbeHistory build() {
            TreeMap<String, Track> sorted = new TreeMap<>(tracks);
            sorted.values().forEach(Track::index);
            return new ProbeHistory(span, detail, sorted);
        }

        private static long micros(long seconds, int nanos) {
            if (seconds < 0) {
                return 0;
            }
            return seconds >= MAX_MICROS / 1_000_000 ? MAX_MICROS : Math.min(MAX_MICROS, seconds * 1_000_000 + nanos / 1_000);
        }

        private static void requireWholeMinutes(Window w) {
            for (Instant t : new Instant[] {w.start(), w.end()}) {
                if (t.getNano() != 0 || t.getEpochSecond() % 60 != 0) {
                    throw new IllegalArgumentException("not a whole minute: " + t);
                }
            }
        }
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
