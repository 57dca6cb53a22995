package dev.hypercare.probe;

import dev.hypercare.slo.BurnRateJudge;
import dev.hypercare.slo.BurnRateStatus;
import dev.hypercare.slo.Level;
import dev.hypercare.slo.Measurement;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Threshold;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The probe runner's rolling windows as the SLO policy sees them, at one instant {@code now}: findings
 * are judged over the {@code span} ending now (e.g. the last 5 minutes), {@code for:} rules over
 * evaluation steps across the {@code lookback} ending now. It measures {@code probe:NAME} (one probe)
 * and {@code probes} (every probe: the service) only; availability, error rate, p50, p95, p99, max and
 * throughput (results per second). It is {@linkplain #live() live}: a rule fires only while its breach
 * still holds. Edges and percentiles are as precise as {@link RollingWindows} says.
 */
public final class ProbeMetricSource implements MetricSource {
    /**
     * Added to the longest {@code for:} to make the lookback: probes run 15 to 60 s apart, so the first
     * and last results of a breach can each fall up to an interval inside the lookback; a lookback of
     * only {@code for} plus a step could then never hold a run of the full length.
     */
    public static final Duration RULE_MARGIN = Duration.ofMinutes(2);

    private final RollingWindows windows;
    private final Instant now;
    private final Window span;
    private final Duration lookback;

    /** {@code span} and {@code lookback} end at {@code now}; the lookback is at least the span. */
    public ProbeMetricSource(RollingWindows windows, Instant now, Duration span, Duration lookback) {
        if (!span.isPositive() || lookback.compareTo(span) < 0) {
            throw new IllegalArgumentException("expected a span above 0 and a lookback at least as long, found " + span + " and " + lookback);
        }
        this.windows = windows;
        this.now = now;
        this.span = RollingWindows.endingAt(now, span);
        this.lookback = lookback;
    }

    /** A source whose lookback covers every {@code for:} of {@code policy}: the longest plus {@link #RULE_MARGIN}. */
    public static ProbeMetricSource forPolicy(RollingWindows windows, Instant now, Duration span, SloPolicy policy) {
        return new ProbeMetricSource(windows, now, span, lookback(policy, span));
    }

    /** The longest {@code for:} of the policy's enabled thresholds plus {@link #RULE_MARGIN}, at least {@code span}. */
    public static Duration lookback(SloPolicy policy, Duration span) {
        Duration longest = Duration.ZERO;
        for (Threshold t : policy.thresholds()) {
            if (!t.enabled()) {
                continue;
            }
            for (Level level : Level.values()) {
                Duration sustained = t.level(level).flatMap(c -> c.sustained()).orElse(Duration.ZERO);
                longest = sustained.compareTo(longest) > 0 ? sustained : longest;
            }
        }
        Duration needed = longest.plus(RULE_MARGIN);
        return needed.compareTo(span) > 0 ? needed : span;
    }

    public Instant now() {
        return now;
    }

    @Override
    public Window span() {
        return span;
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        RollingSummary s = switch (scope) {
            case Scope.Probe p -> windows.probe(p.name(), window);
            case Scope.Probes p -> windows.service(window);
            default -> null;
        };
        if (s == null || s.samples() == 0) {
            return Measurement.none(window);
        }
        double value = switch (metric) {
            case AVAILABILITY -> s.availability();
            case ERROR_RATE -> s.errorRate();
            case P50 -> s.p50Millis();
            case P95 -> s.p95Millis();
            case P99 -> s.p99Millis();
            case MAX -> s.maxMillis();
            case THROUGHPUT -> s.throughput();
            // probes have no WebSocket connection counts or logins of their own
            case WS_CONNECT_ERROR_RATE, AUTH_FAILURE_RATE, WS_CONNECTIONS -> Double.NaN;
        };
        return Double.isNaN(value) ? Measurement.none(window) : new Measurement(value, s.samples(), window);
    }

    /**
     * Windows of {@code step} on the step's grid (from the epoch), from the one holding the start of the
     * lookback to the one in progress, which ends at now: with 10 s steps each window is exactly one
     * 10 s bucket.
     */
    @Override
    public List<Window> windows(Duration step) {
        long stepMillis = step.toMillis();
        long end = now.toEpochMilli();
        long start = Math.floorDiv(end - lookback.toMillis(), stepMillis) * stepMillis;
        List<Window> list = new ArrayList<>();
        for (long t = start; t < end; t += stepMillis) {
            list.add(new Window(Instant.ofEpochMilli(t), Instant.ofEpochMilli(Math.min(t + stepMillis, end))));
        }
        return list;
    }

    @Override
    public boolean covers(Scope scope) {
        return scope instanceof Scope.Probe || scope instanceof Scope.Probes;
    }

    @Override
    public String description() {
        return "the probe runner";
    }

    @Override
    public boolean live() {
        return true;
    }

    /** The service's availability results over the window of {@code length} ending now, for burn rates. */
    public BurnRateJudge.Counts serviceCounts(Duration length) {
        RollingSummary s = windows.service(RollingWindows.endingAt(now, length));
        return new BurnRateJudge.Counts(s.samples(), s.failures());
    }

    /** {@code judge}'s rules on the whole service, now. */
    public List<BurnRateStatus> burnRates(BurnRateJudge judge) {
        return judge.judge(this::serviceCounts);
    }
}
