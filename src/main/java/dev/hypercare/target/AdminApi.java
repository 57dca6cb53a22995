package dev.hypercare.target;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;

/**
 * The admin API on its own listener: read and change faults, drop WebSockets, read counters. Guarded by a
 * random bearer token, and never subject to the faults it controls.
 */
final class AdminApi implements HttpHandler {

    private final DemoTarget target;
    private final byte[] token;

    AdminApi(DemoTarget target, String token) {
        this.target = target;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    record Dropped(int dropped) {}

    record Index(List<String> endpoints) {}

    @Override
    public void handle(HttpExchange exchange) {
        Exchanges.serve(exchange, this::answer);
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        // the token is checked before the path, so an unauthenticated caller learns nothing about routes
        if (!authorized(exchange)) {
            throw HttpProblem.unauthorized("missing or wrong admin token");
        }
        String method = exchange.getRequestMethod();
        return switch (Exchanges.path(exchange)) {
            case "/admin", "/admin/" -> only("GET", method, () -> Reply.json(200, new Index(List.of(
                    "GET /admin/faults", "POST /admin/faults", "DELETE /admin/faults",
                    "POST /admin/websockets/drop", "GET /admin/stats"))));
            case "/admin/faults" -> switch (method) {
                case "GET" -> faultsReply();
                case "POST" -> {
                    byte[] body = Exchanges.body(exchange);
                    var changes = Json.object(body).orElseThrow(() -> new HttpProblem(
                            400, "body: expected a JSON object with latency, errorRate, authFailureRate or outage"));
                    yield apply(current -> FaultsJson.merge(current, changes));
                }
                case "DELETE" -> apply(current -> Faults.none());
                default -> notAllowed("DELETE, GET, POST");
            };
            case "/admin/websockets/drop" -> only("POST", method, () -> Reply.json(200, new Dropped(target.dropWebSockets())));
            case "/admin/stats" -> only("GET", method, () -> Reply.json(200, target.stats()));
            default -> Reply.error(404, "not found: " + Exchanges.path(exchange));
        };
    }

    private Reply apply(java.util.function.UnaryOperator<Faults> change) {
        try {
            target.updateFaults(change);
        } catch (UncheckedIOException e) {
            return Reply.error(500, "outage: could not reopen the public listeners: " + e.getCause().getMessage());
        }
        return faultsReply();
    }

    private Reply faultsReply() {
        return Reply.json(200, FaultsJson.view(target.faults()));
    }

    private boolean authorized(HttpExchange exchange) {
        return Exchanges.bearerToken(exchange)
                .map(given -> MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token))
                .orElse(false);
    }

    private static Reply only(String allowed, String method, Supplier<Reply> reply) {
        return allowed.equals(method) ? reply.get() : notAllowed(allowed);
    }

    private static Reply notAllowed(String allowed) {
        return Reply.error(405, "method not allowed").withHeader("Allow", allowed);
    }
}
