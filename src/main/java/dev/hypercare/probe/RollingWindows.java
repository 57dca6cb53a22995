package dev.hypercare.probe;

import dev.hypercare.slo.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Probe results in memory over the last 7 days, per probe and for the whole service, answering for any
 * window: how many results, how many failed, and percentiles of their duration ({@link RollingSummary}).
 * Fed by the runner as results arrive, roughly in time order, and by a replay of the journal after a
 * restart; a result lands in the time bucket of its start, so one that arrives late (a slow probe, a
 * replay out of order) still counts where it belongs.
 *
 * <p><b>Resolution.</b> Each series keeps three tiers of time buckets ({@link #TIERS}): 10 s buckets over
 * the last hour, 5 min buckets over the last 24 h and 1 h buckets over the last 7 days. A window is
 * counted in the finest tier that still holds its start, and counts the buckets whose start lies in it:
 * its edges are rounded up to that tier's bucket edges, so a window may leave out up to one bucket at
 * its old end (windows up to 1 h: 10 s; up to 24 h: 5 min, 1.4 % of a 6 h window; up to 7 days: 1 h,
 * 1.4 % of 3 days), and the bucket in progress is always in. Windows that tile time (the policy's 10 s
 * steps) never share a bucket. A window reaching back further than 7 days before the clock's now
 * counts the 7 days held. {@link RollingSummary#resolution()} says which width applied.
 *
 * <p><b>Latency.</b> Percentiles of the total duration come from log buckets 4 % apart: within 2 % of
 * the true value (50 µs below 0.1 ms), see {@link LatencyBuckets}. In the last hour they are kept per
 * 10 s bucket, like the counts; the coarser tiers keep them per 1 h (last 24 h) and per 6 h (last 7
 * days), with the same rounding: the p95 of a 24 h window is that of the last 23 to 24 hours. A
 * histogram costs far more than a count, and a day's percentile does not need 5-minute edges. The
 * maximum is exact, at the counts' resolution.
 *
 * <p><b>Memory.</b> Per series: 819 count slots of 24 bytes and 54 latency slots of 16 (about 20 KB,
 * allocated once) and, per latency bucket with results, one array of 4 bytes per distinct latency
 * bucket seen (one for a 10 s bucket with one result, a few dozen for an hour). A probe run once a
 * second with a realistic spread of durations takes about 60 KB after a week (bounded by the rate more
 * than by the spread: a 10 s bucket of ten results has at most ten entries); see {@link #footprint()}.
 *
 * <p><b>Expiry.</b> Results that started more than {@link #RETENTION} before the clock's now, or more
 * than {@link #MAX_AHEAD} after it (a clock gone wrong must not push the rings forward and wipe them),
 * are ignored and counted in {@link #ignored()}.
 *
 * <p>Thread-safe: one writer and readers on other threads (each series has its own lock).
 */
public final class RollingWindows {
    /** One resolution: counts in buckets of {@code width} and latency histograms in buckets of {@code latencyWidth}, over the last {@code span}. */
    public record Tier(Duration width, Duration latencyWidth, Duration span) {}

    public static final List<Tier> TIERS = List.of(
            new Tier(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1)),
            new Tier(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24)),
            new Tier(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(7)));
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final Duration MAX_AHEAD = Duration.ofMinutes(1);
    /** The windows the status page and /api/status show. */
    public static final List<Duration> STANDARD = List.of(
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7));

    private final Clock clock;
    private final ConcurrentMap<String, RollingSeries> probes = new ConcurrentHashMap<>();
    private final RollingSeries service = new RollingSeries(TIERS);
    private final LongAdder ignored = new LongAdder();

    public RollingWindows(Clock clock) {
        this.clock = clock;
    }

    /** Counts one result of {@code probe} that started at {@code start} and took {@code total}. */
    public void record(String probe, Instant start, boolean success, Duration total) {
        Instant now = clock.instant();
        if (start.isBefore(now.minus(RETENTION)) || start.isAfter(now.plus(MAX_AHEAD))) {
            ignored.increment();
            return;
        }
        long millis = start.toEpochMilli();
        int micros = micros(total);
        probes.computeIfAbsent(probe, p -> new RollingSeries(TIERS)).record(millis, !success, micros);
        service.record(millis, !success, micros);
    }

    public void record(ProbeResult result) {
        record(result.probe(), result.start(), result.success(), result.total());
    }

    /** {@code probe}'s results over {@code window}; none for a probe never seen. */
    public RollingSummary probe(String probe, Window window) {
        RollingSeries series = probes.get(probe);
        return series == null
                ? RollingSummary.empty(window, TIERS.getFirst().width(), TIERS.getFirst().latencyWidth())
                : series.summarize(window, held(window));
    }

    /** Every probe's results over {@code window}: the service as its users see it. */
    public RollingSummary service(Window window) {
        return service.summarize(window, held(window));
    }

    /** The part of {@code window} within the retention: a week-old bucket may linger in a ring no result has moved on. */
    private Window held(Window window) {
        Instant oldest = clock.instant().minus(RETENTION);
        if (!window.start().isBefore(oldest)) {
            return window;
        }
        return new Window(oldest.isAfter(window.end()) ? window.end() : oldest, window.end());
    }

    /** {@code probe} over the {@link #STANDARD} windows ending at {@code now}. */
    public List<WindowStats> probeStats(String probe, Instant now) {
        return STANDARD.stream().map(d -> probe(probe, endingAt(now, d)).stats()).toList();
    }

    /** The service over the {@link #STANDARD} windows ending at {@code now}. */
    public List<WindowStats> serviceStats(Instant now) {
        return STANDARD.stream().map(d -> service(endingAt(now, d)).stats()).toList();
    }

    /** The window of {@code length} that ends at {@code now}. */
    public static Window endingAt(Instant now, Duration length) {
        return new Window(now.minus(length), now);
    }

    /** The probes with results so far, by name. */
    public SortedSet<String> probes() {
        return new TreeSet<>(probes.keySet());
    }

    /** Results left out as too old or too far ahead of the clock. */
    public long ignored() {
        return ignored.sum();
    }

    public RollingFootprint footprint() {
        RollingFootprint sum = service.footprint();
        for (RollingSeries series : probes.values()) {
            sum = sum.plus(series.footprint());
        }
        return sum;
    }

    /** A duration in whole µs, within what the buckets hold (0 to about 35.8 minutes). */
    private static int micros(Duration total) {
        if (total.isNegative()) {
            return 0;
        }
        return total.compareTo(Duration.ofSeconds(LatencyBuckets.HIGHEST_MICROS / 1_000_000)) >= 0
                ? (int) LatencyBuckets.HIGHEST_MICROS
                : (int) Math.min(total.toNanos() / 1000, LatencyBuckets.HIGHEST_MICROS);
    }
}
