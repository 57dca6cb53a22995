package dev.hypercare.slo;

import java.util.Optional;

/**
 * What a threshold is held against besides its own measurement: nothing for absolute levels, the
 * baseline's value over its whole span for baseline levels, or the reason there is none.
 */
sealed interface Evidence {
    /** Absolute levels: the limit is the level's own value. */
    record Absolute() implements Evidence {}

    /** The baseline's value and what it rests on. */
    record Baseline(Measurement measurement) implements Evidence {}

    /** Baseline levels without a baseline source: the threshold is skipped. */
    record NoBaseline() implements Evidence {}

    /** A baseline too thin to compare with. */
    record ThinBaseline(Measurement measurement) implements Evidence {}

    static Evidence of(Threshold threshold, Optional<MetricSource> baseline, long minSamples) {
        if (!threshold.comparesWithBaseline()) {
            return new Absolute();
        }
        if (baseline.isEmpty()) {
            return new NoBaseline();
        }
        MetricSource b = baseline.get();
        Measurement m = b.measure(threshold.metric(), threshold.scope(), b.span());
        return m.hasData() && m.samples() >= minSamples ? new Baseline(m) : new ThinBaseline(m);
    }

    /** The value baseline levels are a factor of (NaN when there is none: nothing then holds). */
    default double reference() {
        return this instanceof Baseline b ? b.measurement().value() : Double.NaN;
    }

    /** What the samples of {@code metric} over {@code scope} are called in explanations. */
    static String noun(Metric metric, Scope scope) {
        return switch (scope) {
            case Scope.Probe p -> "probe results";
            case Scope.Probes p -> "probe results";
            default -> switch (metric) {
                case WS_CONNECT_ERROR_RATE -> "connects";
                case AUTH_FAILURE_RATE -> "logins";
                case AVAILABILITY -> "health checks";
                case WS_CONNECTIONS -> "samples";
                default -> scope instanceof Scope.WebSocket ? "records" : "requests";
            };
        };
    }

    /** {@code over 1,240 requests, 16:02:10–16:03:40} */
    static String over(Measurement m, Metric metric, Scope scope) {
        return "over " + Quantities.count(m.samples()) + " " + noun(metric, scope) + ", " + Quantities.window(m.window());
    }
}
