package dev.hypercare.slo;

/**
 * One threshold's judgement: metric, scope, window, the measured value, the limits it was held to,
 * the outcome and the evidence (how many samples over which time range). {@code measured} is NaN when
 * the outcome is NO_DATA. Values are in the metric's unit (ratios as fractions, latencies in ms).
 */
public record Finding(
        String name,
        Metric metric,
        Scope scope,
        Window window,
        double measured,
        long samples,
        long minSamples,
        Outcome outcome,
        String limits,
        boolean key,
        String explanation) {}
