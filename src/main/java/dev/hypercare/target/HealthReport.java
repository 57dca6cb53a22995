package dev.hypercare.target;

import java.util.function.LongSupplier;

/**
 * The three health endpoints. Component latencies are real measurements of cheap operations (a store
 * read, a token check), so a probe sees numbers that move with load rather than constants.
 */
final class HealthReport {

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final String version;
    private final long startedNanos = System.nanoTime();
    private final TaskStore tasks;
    private final AuthTokens tokens;
    private final String canaryToken;
    private final LongSupplier webSocketConnections;

    HealthReport(String version, TaskStore tasks, AuthTokens tokens, LongSupplier webSocketConnections) {
        this.version = version;
        this.tasks = tasks;
        this.tokens = tokens;
        this.canaryToken = tokens.issue("health-check");
        this.webSocketConnections = webSocketConnections;
    }

    record Live(String status) {}

    record Checks(String database, String cache) {}

    record Ready(String status, Checks checks) {}

    record Timed(String status, double latencyMs) {}

    record Sockets(String status, long connections) {}

    record Components(Timed database, Timed cache, Sockets websocket) {}

    record Combined(String status, String version, long uptimeSeconds, Components components) {}

    Reply live(boolean healthy) {
        return Reply.json(code(healthy), new Live(status(healthy)));
    }

    Reply ready(boolean healthy) {
        return Reply.json(code(healthy), new Ready(status(healthy), new Checks(status(healthy), status(healthy))));
    }

    Reply combined(boolean healthy) {
        long start = System.nanoTime();
        tasks.latest(1);
        long databaseNanos = System.nanoTime() - start;
        start = System.nanoTime();
        tokens.verify(canaryToken);
        long cacheNanos = System.nanoTime() - start;
        Components components = new Components(
                new Timed(status(healthy), millis(databaseNanos)),
                new Timed(status(healthy), millis(cacheNanos)),
                // the WebSocket server is fine even when the simulated dependencies are not
                new Sockets(UP, webSocketConnections.getAsLong()));
        long uptimeSeconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        return Reply.json(code(healthy), new Combined(status(healthy), version, uptimeSeconds, components));
    }

    private static int code(boolean healthy) {
        return healthy ? 200 : 503;
    }

    private static String status(boolean healthy) {
        return healthy ? UP : DOWN;
    }

    /** Milliseconds with microsecond resolution: {@code 0.412}. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
