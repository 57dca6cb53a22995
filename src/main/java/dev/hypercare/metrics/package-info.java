/**
 * The probe runner seen from outside: Prometheus metrics and the exposition server. The only package that
 * imports Micrometer. {@link dev.hypercare.metrics.MetricNames} names every metric and says where its values
 * come from; {@link dev.hypercare.metrics.ProbeMetrics} feeds them from probe results and runner snapshots;
 * {@link dev.hypercare.metrics.ExpositionServer} serves {@code /metrics}, {@code /api/status}
 * ({@link dev.hypercare.metrics.StatusJson}) and the status page {@code /}
 * ({@link dev.hypercare.metrics.StatusPage}), on 127.0.0.1 unless told otherwise.
 */
package dev.hypercare.metrics;
