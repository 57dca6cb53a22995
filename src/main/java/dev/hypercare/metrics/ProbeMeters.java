package dev.hypercare.metrics;

import dev.hypercare.probe.CertificateStatus;
import dev.hypercare.probe.Phase;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one probe at one location that results feed: counters by reason, the duration histogram and
 * the last-result gauges. Recording is lock-free (a counter, a histogram and a compare-and-set of the last
 * result); the shared lock is taken only to register a gauge seen for the first time (a new phase, the first
 * HTTP status or certificate) and to {@link #remove} everything, so a removed probe never gets a gauge back.
 */
final class ProbeMeters {
    /** Bucket bounds at the policy's latency limits (100, 200, 500 ms, 1 s, 5 s) and around them. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private static final Reason[] REASONS = Reason.values();
    private static final Phase[] PHASES = Phase.values();

    private final MeterRegistry registry;
    private final Object lock;
    private final Tags tags;
    private final Counter[] results = new Counter[REASONS.length];
    private final Timer duration;
    private final AtomicReference<ProbeResult> last;

    // Registration state: read without the lock as a fast check, changed only under it.
    private volatile int phasesRegistered; // bit per Phase ordinal
    private volatile boolean statusRegistered;
    private volatile boolean certificateRegistered;
    private boolean removed; // guarded by lock
    private final List<Meter> meters = new ArrayList<>(); // guarded by lock

    /** Registers the meters, the gauges showing {@code first}. Call with the lock held. */
    ProbeMeters(MeterRegistry registry, Object lock, String probe, String location, ProbeResult first) {
        this.registry = registry;
        this.lock = lock;
        this.tags = Tags.of(MetricNames.PROBE, probe, MetricNames.LOCATION, location);
        this.last = new AtomicReference<>(first);
        for (Reason reason : REASONS) {
            // every reason from the start, so that rate() sees the first failure as an increase from 0
            results[reason.ordinal()] = keep(Counter.builder(MetricNames.RESULTS)
                    .tags(tags).tag(MetricNames.REASON, reason.text())
                    .description(MetricNames.help(MetricNames.RESULTS))
                    .register(registry));
        }
        duration = keep(Timer.builder(MetricNames.DURATION_HISTOGRAM)
                .tags(tags)
                .description(MetricNames.help(MetricNames.DURATION_HISTOGRAM))
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
        gauge(MetricNames.PROBE_SUCCESS, tags, r -> r.success() ? 1 : 0);
        gauge(MetricNames.PROBE_DURATION, tags, r -> seconds(r.total()));
        registerNewGauges(first);
    }

    /** Counts a result and shows it in the last-result gauges unless a newer one is already there. */
    void record(ProbeResult result) {
        results[result.reason().ordinal()].increment();
        duration.record(result.total());
        offer(result);
    }

    /** Shows a result in the last-result gauges unless a newer one is already there; counts nothing. */
    void offer(ProbeResult result) {
        last.accumulateAndGet(result, (current, offered) -> offered.start().isBefore(current.start()) ? current : offered);
        if (needsNewGauges(result)) {
            synchronized (lock) {
                if (!removed) {
                    registerNewGauges(result);
                }
            }
        }
    }

    /** Removes every meter of this probe from the registry; later results change nothing visible. */
    void remove() {
        synchronized (lock) {
            removed = true;
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    private boolean needsNewGauges(ProbeResult result) {
        return (phaseBits(result) & ~phasesRegistered) != 0
                || (result.status() >= 0 && !statusRegistered)
                || (result.certificate().isPresent() && !certificateRegistered);
    }

    private void registerNewGauges(ProbeResult result) {
        int missing = phaseBits(result) & ~phasesRegistered;
        for (Phase phase : PHASES) {
            if ((missing & (1 << phase.ordinal())) != 0) {
                gauge(MetricNames.PROBE_PHASE_DURATION, tags.and(MetricNames.PHASE, phase.text()), r -> {
                    Duration d = r.phases().get(phase);
                    return d == null ? Double.NaN : seconds(d);
                });
            }
        }
        phasesRegistered |= missing;
        if (result.status() >= 0 && !statusRegistered) {
            gauge(MetricNames.PROBE_HTTP_STATUS, tags, r -> Math.max(r.status(), 0));
            statusRegistered = true;
        }
        if (result.certificate().isPresent() && !certificateRegistered) {
            gauge(MetricNames.PROBE_CERT_EXPIRY, tags,
                    r -> r.certificate().map(c -> (double) c.notAfter().getEpochSecond()).orElse(Double.NaN));
            gauge(MetricNames.TLS_DAYS_LEFT, tags,
                    r -> r.certificate().map(CertificateStatus::daysLeft).map(Long::doubleValue).orElse(Double.NaN));
            certificateRegistered = true;
        }
    }

    private void gauge(String name, Tags gaugeTags, ToDoubleFunction<ProbeResult> value) {
        keep(Gauge.builder(name, last, ref -> value.applyAsDouble(ref.get()))
                .tags(gaugeTags)
                .description(MetricNames.help(name))
                .strongReference(true)
                .register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    private static int phaseBits(ProbeResult result) {
        int bits = 0;
        for (Phase phase : result.phases().keySet()) {
            bits |= 1 << phase.ordinal();
        }
        return bits;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
