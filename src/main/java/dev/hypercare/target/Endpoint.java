package dev.hypercare.target;

import java.util.Optional;
import java.util.Set;

/** What a public request asks for, decided from method and path alone, before any fault or handler runs. */
sealed interface Endpoint {

    record Landing() implements Endpoint {}

    record Live() implements Endpoint {}

    record Ready() implements Endpoint {}

    record Health() implements Endpoint {}

    record Login() implements Endpoint {}

    record ListTasks() implements Endpoint {}

    record CreateTask() implements Endpoint {}

    record GetTask(long id) implements Endpoint {}

    /** A known path with a method it does not take; {@code allowed} goes in the Allow header. */
    record MethodNotAllowed(Set<String> allowed) implements Endpoint {}

    record NotFound() implements Endpoint {}

    /** The health endpoints answer DOWN, not a plain 503, during an {@code unhealthy} outage. */
    default boolean isHealth() {
        return this instanceof Live || this instanceof Ready || this instanceof Health;
    }

    static Endpoint of(String method, String path) {
        return switch (path) {
            case "/" -> only("GET", method, new Landing());
            case "/api/health/live" -> only("GET", method, new Live());
            case "/api/health/ready" -> only("GET", method, new Ready());
            case "/api/health" -> only("GET", method, new Health());
            case "/api/auth/login" -> only("POST", method, new Login());
            case "/api/tasks" -> switch (method) {
                case "GET" -> new ListTasks();
                case "POST" -> new CreateTask();
                default -> new MethodNotAllowed(Set.of("GET", "POST"));
            };
            default -> taskId(path)
                    .<Endpoint>map(id -> only("GET", method, new GetTask(id)))
                    .orElseGet(NotFound::new);
        };
    }

    private static Endpoint only(String allowed, String method, Endpoint endpoint) {
        return allowed.equals(method) ? endpoint : new MethodNotAllowed(Set.of(allowed));
    }

    /** The id in {@code /api/tasks/{id}}; a path with anything but a positive number there is not found. */
    private static Optional<Long> taskId(String path) {
        String prefix = "/api/tasks/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = path.substring(prefix.length());
        return id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
