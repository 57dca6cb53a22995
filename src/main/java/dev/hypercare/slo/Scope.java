package dev.hypercare.slo;

import java.util.Optional;

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

    /** Every probe of the hypercare runner together: the service as its users would see it. */
    record Probes() implements Scope {}

    /** How reports and findings print the scope. */
    default String label() {
        return switch (this) {
            case Http h -> "http";
            case WebSocket w -> "websocket";
            case Request r -> "request \"" + r.name() + "\"";
            case Group g -> "group \"" + g.name() + "\"";
            case Probe p -> "probe \"" + p.name() + "\"";
            case Probes p -> "probes";
        };
    }

    /**
     * How policies write scopes: {@code http}, {@code websocket}, {@code request:NAME}, {@code group:NAME},
     * {@code probe:NAME}, {@code probes}.
     */
    String WRITTEN_FORMS = "http, websocket, request:NAME, group:NAME, probe:NAME or probes";

    /** The scope written {@code text}; a name runs from the first colon to the end ({@code request:health: combined}). */
    static Optional<Scope> parse(String text) {
        String t = text.strip();
        switch (t) {
            case "http" -> { return Optional.of(new Http()); }
            case "websocket" -> { return Optional.of(new WebSocket()); }
            case "probes" -> { return Optional.of(new Probes()); }
            default -> { }
        }
        int colon = t.indexOf(':');
        if (colon < 0 || t.substring(colon + 1).isBlank()) {
            return Optional.empty();
        }
        String name = t.substring(colon + 1).strip();
        return switch (t.substring(0, colon)) {
            case "request" -> Optional.of(new Request(name));
            case "group" -> Optional.of(new Group(name));
            case "probe" -> Optional.of(new Probe(name));
            default -> Optional.empty();
        };
    }

    /** The form {@link #parse} reads back. */
    default String written() {
        return switch (this) {
            case Http h -> "http";
            case WebSocket w -> "websocket";
            case Request r -> "request:" + r.name();
            case Group g -> "group:" + g.name();
            case Probe p -> "probe:" + p.name();
            case Probes p -> "probes";
        };
    }
}
