package dev.hypercare.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The public HTTP API that load tests and probes hit. Every request takes one snapshot of the faults,
 * waits the injected latency, and may be failed by the outage or the error rate before it is routed.
 */
final class HttpApi implements HttpHandler {

    static final int PAGE_SIZE = 20;
    static final int MAX_TITLE_LENGTH = 1_000;
    static final int MAX_USERNAME_LENGTH = 200;

    private final FaultInjector faults;
    private final TaskStore tasks;
    private final AuthTokens tokens;
    private final HealthReport health;
    private final Counters counters;
    private final String landingPage;

    HttpApi(FaultInjector faults, TaskStore tasks, AuthTokens tokens, HealthReport health, Counters counters,
            String version) {
        this.faults = faults;
        this.tasks = tasks;
        this.tokens = tokens;
        this.health = health;
        this.counters = counters;
        this.landingPage = LandingPage.html(version);
    }

    record LoginReply(String token, long expiresIn) {}

    record TaskPage(List<Task> tasks, int total) {}

    @Override
    public void handle(HttpExchange exchange) {
        Exchanges.serve(exchange, this::answer);
    }

    private Reply answer(HttpExchange exchange) throws IOException, InterruptedException {
        counters.httpRequests.increment();
        Faults now = faults.current();
        Duration delay = faults.delay(now);
        if (delay.isPositive()) {
            Thread.sleep(delay); // a parked virtual thread: thousands of delayed requests cost little
        }
        Endpoint endpoint = Endpoint.of(exchange.getRequestMethod(), Exchanges.path(exchange));
        if (now.outage() == Outage.UNHEALTHY) {
            return endpoint.isHealth() ? health(endpoint, false) : Reply.error(503, "service unhealthy");
        }
        if (faults.injectError(now)) {
            return Reply.error(503, "injected fault");
        }
        return switch (endpoint) {
            case Endpoint.Landing landing -> Reply.html(landingPage);
            case Endpoint.Live live -> health.live(true);
            case Endpoint.Ready ready -> health.ready(true);
            case Endpoint.Health all -> health.combined(true);
            case Endpoint.Login login -> login(exchange, now);
            case Endpoint.ListTasks list -> listTasks(exchange);
            case Endpoint.CreateTask create -> createTask(exchange);
            case Endpoint.GetTask get -> getTask(exchange, get.id());
            case Endpoint.MethodNotAllowed notAllowed -> Reply.error(405, "method not allowed")
                    .withHeader("Allow", String.join(", ", new TreeSet<>(notAllowed.allowed())));
            case Endpoint.NotFound notFound -> Reply.error(404, "not found: " + Exchanges.path(exchange));
        };
    }

    private Reply health(Endpoint endpoint, boolean healthy) {
        return switch (endpoint) {
            case Endpoint.Live live -> health.live(healthy);
            case Endpoint.Ready ready -> health.ready(healthy);
            default -> health.combined(healthy);
        };
    }

    private Reply login(HttpExchange exchange, Faults now) throws IOException {
        ObjectNode body = jsonBody(exchange);
        var username = Json.nonBlankText(body, "username");
        var password = Json.nonBlankText(body, "password");
        if (username.isEmpty() || password.isEmpty()) {
            throw new HttpProblem(400, "body: expected {\"username\":\"...\",\"password\":\"...\"} with both non-empty");
        }
        if (username.get().length() > MAX_USERNAME_LENGTH) {
            throw new HttpProblem(400, "username: expected at most " + MAX_USERNAME_LENGTH + " characters");
        }
        if (faults.injectAuthFailure(now)) {
            throw HttpProblem.unauthorized("invalid credentials");
        }
        // any non-empty password is accepted: the demo has no users, only load
        return Reply.json(200, new LoginReply(tokens.issue(username.get()), AuthTokens.LIFETIME.toSeconds()));
    }

    private Reply listTasks(HttpExchange exchange) {
        authenticate(exchange);
        return Reply.json(200, new TaskPage(tasks.latest(PAGE_SIZE), tasks.size()));
    }

    private Reply createTask(HttpExchange exchange) throws IOException {
        String owner = authenticate(exchange);
        var title = Json.nonBlankText(jsonBody(exchange), "title");
        if (title.isEmpty()) {
            throw new HttpProblem(400, "title: expected a non-empty string");
        }
        if (title.get().length() > MAX_TITLE_LENGTH) {
            throw new HttpProblem(400, "title: expected at most " + MAX_TITLE_LENGTH + " characters");
        }
        Task task = tasks.create(title.get(), owner);
        return Reply.json(201, task).withHeader("Location", "/api/tasks/" + task.id());
    }

    private Reply getTask(HttpExchange exchange, long id) {
        authenticate(exchange);
        return tasks.find(id)
                .map(task -> Reply.json(200, task))
                .orElseGet(() -> Reply.error(404, "task " + id + " not found"));
    }

    /** The username of the request's bearer token; 401 without a valid one. */
    private String authenticate(HttpExchange exchange) {
        return Exchanges.bearerToken(exchange)
                .flatMap(tokens::verify)
                .orElseThrow(() -> HttpProblem.unauthorized("missing or invalid bearer token"));
    }

    private static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
        return Json.object(Exchanges.body(exchange))
                .orElseThrow(() -> new HttpProblem(400, "body: expected a JSON object"));
    }
}
