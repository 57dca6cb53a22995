package dev.hypercare.metrics;

import java.util.Map;

/**
 * Every metric the probe runner exposes, by its Prometheus name, with its help text and labels. Names that
 * blackbox_exporter also has keep its name and meaning ({@code probe_success}, {@code probe_duration_seconds},
 * {@code probe_http_status_code}, {@code probe_ssl_earliest_cert_expiry}), so dashboards and alerts written for
 * it work unchanged; everything else starts with {@code hypercare_}.
 *
 * <p>Two families differ by where their values come from:
 * <ul>
 *   <li><b>last result</b> ({@code probe_*}, {@link #TLS_DAYS_LEFT}): the newest result of each probe. A value
 *       the last result did not measure (a phase it never reached, a certificate it never saw) reads NaN
 *       rather than an older result's value.</li>
 *   <li><b>snapshot</b> (the other {@code hypercare_*} gauges): the latest {@code RunnerStatus}. A series
 *       without a value in that snapshot (a probe or incident gone, a window with no samples, a burn rate
 *       of NaN) is removed, never left at its old value.</li>
 * </ul>
 * Counters and the histogram ({@link #RESULTS}, {@link #DURATION_HISTOGRAM}) count every recorded result and
 * are removed, with the last-result gauges, when their probe leaves the snapshot.
 */
public final class MetricNames {
    // Label keys
    public static final String PROBE = "probe";
    public static final String LOCATION = "location";
    public static final String PHASE = "phase";
    public static final String REASON = "reason";
    public static final String SERVICE = "service";
    public static final String WINDOW = "window";
    public static final String RULE = "rule";
    public static final String STATE = "state";
    public static final String SEVERITY = "severity";

    // Last result, per probe and location (blackbox_exporter names first)
    /** 1 if the last result succeeded, else 0. Labels: probe, location. */
    public static final String PROBE_SUCCESS = "probe_success";
    /** Total duration of the last result, in seconds. Labels: probe, location. */
    public static final String PROBE_DURATION = "probe_duration_seconds";
    /**
     * One phase of the last result, in seconds (dns, connect, tls, processing, transfer; a prober reports only
     * the phases it measures). Labels: probe, location, phase. Blackbox splits phases into per-prober names
     * such as {@code probe_http_duration_seconds}; ours cover every kind of probe, hence one name.
     */
    public static final String PROBE_PHASE_DURATION = "probe_phase_duration_seconds";
    /** HTTP status of the last result; 0 when it got none (blackbox's convention). Only for probes that ever saw one. */
    public static final String PROBE_HTTP_STATUS = "probe_http_status_code";
    /** The certificate's notAfter as Unix seconds, from the last result (tls probes). Labels: probe, location. */
    public static final String PROBE_CERT_EXPIRY = "probe_ssl_earliest_cert_expiry";
    /** Whole days until the certificate expires, negative once expired (tls probes). Labels: probe, location. */
    public static final String TLS_DAYS_LEFT = "hypercare_tls_days_left";

    // Every result, per probe and location
    /** Results by reason ({@code ok} or what went wrong), exposed as {@code hypercare_probe_results_total}. */
    public static final String RESULTS = "hypercare_probe_results";
    /**
     * Histogram of total probe durations (buckets at the policy's latency limits), exposed as
     * {@code hypercare_probe_duration_seconds_bucket|_count|_sum|_max}: the source of p95 in PromQL.
     */
    public static final String DURATION_HISTOGRAM = "hypercare_probe_duration";

    // Snapshot, per probe and location
    /** 1 if the probe counts as up after flap suppression, else 0. Labels: probe, location. */
    public static final String PROBE_UP = "hypercare_probe_up";
    /** Availability over a rolling window, a fraction 0..1. Labels: probe, location, window. */
    public static final String PROBE_AVAILABILITY = "hypercare_probe_availability_ratio";
    /** Error rate over a rolling window, a fraction 0..1. Labels: probe, location, window. */
    public static final String PROBE_ERROR_RATE = "hypercare_probe_error_ratio";
    /** 95th percentile of total probe duration over a rolling window, in seconds. Labels: probe, location, window. */
    public static final String PROBE_P95 = "hypercare_probe_p95_seconds";
    /** Results in a rolling window; the ratios and p95 are absent while it is 0. Labels: probe, location, window. */
    public static final String PROBE_SAMPLES = "hypercare_probe_window_samples";

    // Snapshot, service-wide
    /** One series per state, 1 for the current one and 0 for the others. Labels: service, state. */
    public static final String SERVICE_STATE = "hypercare_service_state";
    /** When the snapshot was taken, Unix seconds: a value that stops moving means a stuck runner. Labels: service. */
    public static final String STATUS_TIME = "hypercare_status_timestamp_seconds";
    /** Service-wide availability over a rolling window, a fraction 0..1. Labels: service, window. */
    public static final String SERVICE_AVAILABILITY = "hypercare_service_availability_ratio";
    /** Service-wide error rate over a rolling window, a fraction 0..1. Labels: service, window. */
    public static final String SERVICE_ERROR_RATE = "hypercare_service_error_ratio";
    /** Service-wide p95 of probe durations over a rolling window, in seconds. Labels: service, window. */
    public static final String SERVICE_P95 = "hypercare_service_p95_seconds";
    /** Service-wide results in a rolling window. Labels: service, window. */
    public static final String SERVICE_SAMPLES = "hypercare_service_window_samples";
    /** Error-budget burn rate of a rule over its long or short window (1 = exactly sustainable). Labels: service, rule, window. */
    public static final String BURN_RATE = "hypercare_burn_rate";
    /** 1 while a burn-rate rule fires, else 0. Labels: service, rule. */
    public static final String BURN_RATE_FIRING = "hypercare_burn_rate_firing";
    /** Open incidents by current severity; every severity is present, 0 when none. Labels: service, severity. */
    public static final String OPEN_INCIDENTS = "hypercare_open_incidents";

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry(PROBE_SUCCESS, "Whether the last probe succeeded (1) or failed (0)"),
            Map.entry(PROBE_DURATION, "Total duration of the last probe in seconds"),
            Map.entry(PROBE_PHASE_DURATION, "Duration of one phase of the last probe in seconds; NaN if it did not measure it"),
            Map.entry(PROBE_HTTP_STATUS, "HTTP status of the last probe, 0 if it got no response"),
            Map.entry(PROBE_CERT_EXPIRY, "Certificate notAfter seen by the last probe, Unix seconds; NaN if it saw none"),
            Map.entry(TLS_DAYS_LEFT, "Whole days until the certificate expires, negative once expired; NaN if the last probe saw none"),
            Map.entry(RESULTS, "Probe results by reason (ok or the first thing that went wrong)"),
            Map.entry(DURATION_HISTOGRAM, "Total probe duration"),
            Map.entry(PROBE_UP, "Whether the probe counts as up after flap suppression (1) or down (0)"),
            Map.entry(PROBE_AVAILABILITY, "Probe availability over a rolling window, 0..1"),
            Map.entry(PROBE_ERROR_RATE, "Probe error rate over a rolling window, 0..1"),
            Map.entry(PROBE_P95, "95th percentile of probe duration over a rolling window, seconds"),
            Map.entry(PROBE_SAMPLES, "Probe results in a rolling window"),
            Map.entry(SERVICE_STATE, "Service state, one series per state: 1 for the current one"),
            Map.entry(STATUS_TIME, "When the runner status was taken, Unix seconds"),
            Map.entry(SERVICE_AVAILABILITY, "Service availability over a rolling window, 0..1"),
            Map.entry(SERVICE_ERROR_RATE, "Service error rate over a rolling window, 0..1"),
            Map.entry(SERVICE_P95, "95th percentile of probe duration over a rolling window for the whole service, seconds"),
            Map.entry(SERVICE_SAMPLES, "Probe results of the whole service in a rolling window"),
            Map.entry(BURN_RATE, "Error-budget burn rate of a rule over one of its windows"),
            Map.entry(BURN_RATE_FIRING, "Whether a burn-rate rule fires (1) or not (0)"),
            Map.entry(OPEN_INCIDENTS, "Open incidents by severity"));

    private MetricNames() {}

    /** The HELP text of a metric named here. */
    static String help(String name) {
        String help = HELP.get(name);
        if (help == null) {
            throw new IllegalArgumentException("no help text for metric " + name);
        }
        return help;
    }
}
