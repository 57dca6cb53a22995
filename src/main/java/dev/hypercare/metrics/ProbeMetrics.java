package dev.hypercare.metrics;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.WindowStats;
import dev.hypercare.runner.ProbeStatus;
import dev.hypercare.runner.RunnerStatus;
import dev.hypercare.slo.BurnRateStatus;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The probe runner's metrics in a Prometheus registry (names and labels in {@link MetricNames}).
 * {@link #record} feeds every result (thread-safe and cheap: no lock once a probe's meters exist);
 * {@link #update} makes the gauges follow a runner snapshot; {@link #scrape} writes the exposition.
 *
 * <p>Stale series: the snapshot passed to {@link #update} is the truth about which probes exist. Every series
 * of a probe (name and location) missing from it is removed, counters and histogram included, and so is
 * every snapshot series without a value in it; nothing keeps reporting a value of the past. A probe that
 * reappears starts its counters again from zero, which Prometheus' {@code rate()} reads as a reset.
 * A probe recorded before any snapshot has mentioned it is kept until a snapshot leaves it out, so a
 * snapshot should list every configured probe from the start (with no last result yet).
 */
public final class ProbeMetrics {
    // The Prometheus client's own constants are not on the compile class path; the writers match these exactly.
    /** Content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    public static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Content type of the OpenMetrics text format, chosen when a scraper asks for it. */
    public static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    /** Serialises registrations, removals, snapshots and scrapes (so a scrape never sees half a snapshot). */
    private final Object lock = new Object();
    private final Map<ProbeKey, ProbeMeters> probes = new ConcurrentHashMap<>();
    private final SnapshotGauges snapshot;

    private record ProbeKey(String probe, String location) {}

    public ProbeMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.snapshot = new SnapshotGauges(registry);
    }

    /** Over a registry of its own with Micrometer's Prometheus defaults. */
    public static ProbeMetrics create() {
        return new ProbeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Counts one result and shows it as its probe's last result (unless a newer one is already shown). */
    public void record(ProbeResult result) {
        ProbeKey key = new ProbeKey(result.probe(), result.location());
        ProbeMeters meters = probes.get(key);
        if (meters == null) {
            synchronized (lock) {
                meters = probes.computeIfAbsent(key, k -> new ProbeMeters(registry, lock, k.probe(), k.location(), result));
            }
        }
        meters.record(result);
    }

    /**
     * Makes the gauges follow {@code status}: probe up/down and windows, service state and windows, burn
     * rates and open incidents. Each probe's last result in the snapshot is shown too when it is newer
     * than the one recorded (it is not counted: only {@link #record} counts). Probes and series absent from
     * the snapshot are removed, as the class comment says.
     */
    public void update(RunnerStatus status) {
        synchronized (lock) {
            Set<ProbeKey> present = new HashSet<>();
            for (ProbeStatus probe : status.probes()) {
                ProbeKey key = new ProbeKey(probe.name(), probe.location());
                present.add(key);
                probe.last().ifPresent(result -> {
                    ProbeMeters meters = probes.get(key);
                    if (meters == null) {
                        probes.put(key, new ProbeMeters(registry, lock, key.probe(), key.location(), result));
                    } else {
                        meters.offer(result);
                    }
                });
            }
            var it = probes.entrySet().iterator();
            while (it.hasNext()) {
                var entry = it.next();
                if (!present.contains(entry.getKey())) {
                    entry.getValue().remove();
                    it.remove();
                }
            }
            snapshot.apply(snapshotValues(status));
        }
    }

    /** The exposition in the Prometheus text format 0.0.4 ({@link #TEXT_CONTENT_TYPE}). */
    public String scrape() {
        return scrape(TEXT_CONTENT_TYPE);
    }

    /** The exposition as {@link #TEXT_CONTENT_TYPE} or {@link #OPENMETRICS_CONTENT_TYPE}. */
    String scrape(String contentType) {
        synchronized (lock) {
            return registry.scrape(contentType);
        }
    }

    private static SnapshotGauges.Values snapshotValues(RunnerStatus status) {
        var values = new SnapshotGauges.Values();
        Tags service = Tags.of(MetricNames.SERVICE, status.service());
        for (ServiceState state : ServiceState.values()) {
            values.put(MetricNames.SERVICE_STATE, service.and(MetricNames.STATE, state.name()), state == status.state() ? 1 : 0);
        }
        values.put(MetricNames.STATUS_TIME, service, status.time().toEpochMilli() / 1e3);
        windows(values, service, status.windows(), MetricNames.SERVICE_AVAILABILITY, MetricNames.SERVICE_ERROR_RATE,
                MetricNames.SERVICE_P95, MetricNames.SERVICE_SAMPLES);

        for (ProbeStatus probe : status.probes()) {
            Tags tags = Tags.of(MetricNames.PROBE, probe.name(), MetricNames.LOCATION, probe.location());
            values.put(MetricNames.PROBE_UP, tags, probe.up() ? 1 : 0);
            windows(values, tags, probe.windows(), MetricNames.PROBE_AVAILABILITY, MetricNames.PROBE_ERROR_RATE,
                    MetricNames.PROBE_P95, MetricNames.PROBE_SAMPLES);
        }

        for (BurnRateStatus burn : status.burnRates()) {
            Tags rule = service.and(MetricNames.RULE, burn.rule().name());
            values.put(MetricNames.BURN_RATE, rule.and(MetricNames.WINDOW, WindowLabel.of(burn.rule().longWindow())), burn.longBurn());
            values.put(MetricNames.BURN_RATE, rule.and(MetricNames.WINDOW, WindowLabel.of(burn.rule().shortWindow())), burn.shortBurn());
            values.put(MetricNames.BURN_RATE_FIRING, rule, burn.firing() ? 1 : 0);
        }

        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            open.put(severity, 0);
        }
        for (Incident incident : status.openIncidents()) {
            if (incident.isOpen()) {
                open.merge(incident.severity(), 1, Integer::sum);
            }
        }
        open.forEach((severity, count) -> values.put(MetricNames.OPEN_INCIDENTS, service.and(MetricNames.SEVERITY, severity.name()), count));
        return values;
    }

    private static void windows(SnapshotGauges.Values values, Tags tags, List<WindowStats> windows,
                                String availability, String errorRate, String p95, String samples) {
        for (WindowStats w : windows) {
            Tags window = tags.and(MetricNames.WINDOW, WindowLabel.of(w.window()));
            values.put(samples, window, w.samples());
            // NaN without samples: left out, and the samples series says why
            values.put(availability, window, w.availability());
            values.put(errorRate, window, w.errorRate());
            values.put(p95, window, w.p95Millis() / 1e3);
        }
    }
}
