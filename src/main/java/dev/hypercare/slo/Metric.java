package dev.hypercare.slo;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a threshold measures, with the unit its values are written and shown in. */
public enum Metric {
    /** Failed requests / requests (5xx, timeouts, failed checks). */
    ERROR_RATE("error_rate", Unit.RATIO),
    P50("p50", Unit.MILLIS),
    P95("p95", Unit.MILLIS),
    P99("p99", Unit.MILLIS),
    MAX("max", Unit.MILLIS),
    /** Requests per second over the window. */
    THROUGHPUT("throughput", Unit.PER_SECOND),
    /** Failed WebSocket connects (first and re-connects) / attempts. */
    WS_CONNECT_ERROR_RATE("ws_connect_error_rate", Unit.RATIO),
    /** Failed logins / logins. */
    AUTH_FAILURE_RATE("auth_failure_rate", Unit.RATIO),
    /** Successful health checks / health checks (probes, or the health requests of a load test). */
    AVAILABILITY("availability", Unit.RATIO),
    /** Open WebSocket connections at the peak. */
    WS_CONNECTIONS("ws_connections", Unit.COUNT);

    public enum Unit { RATIO, MILLIS, PER_SECOND, COUNT }

    private final String key;
    private final Unit unit;

    Metric(String key, Unit unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name policies use: {@code error_rate}, {@code p95}, ... */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    /** The metric a policy names by {@code key}. */
    public static Optional<Metric> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** Every key, for messages: "error_rate, p50, ...". */
    static String keys() {
        return Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", "));
    }
}
