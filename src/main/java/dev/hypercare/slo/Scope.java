package dev.hypercare.slo;

/** Which samples a metric is measured over. */
public sealed interface Scope {
    /** Every HTTP request of a load test (WebSocket records are kept apart). */
    record Http() implements Scope {}

    /** Every WebSocket record (connects, checks, messages) of a load test. */
    record WebSocket() implements Scope {}

    /** One request name, e.g. {@code login} or {@code ws: connect}. */
    record Request(String name) implements Scope {}

    /** One Gatling group, by its path, e.g. {@code checkout}. */
    record Group(String name) implements Scope {}

    /** One synthetic probe of the hypercare runner. */
    record Probe(String name) implements Scope {}

    /** How reports and findings print the scope. */
    default String label() {
        return switch (this) {
            case Http h -> "http";
            case WebSocket w -> "websocket";
            case Request r -> "request \"" + r.name() + "\"";
            case Group g -> "group \"" + g.name() + "\"";
            case Probe p -> "probe \"" + p.name() + "\"";
        };
    }
}
