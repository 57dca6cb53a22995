package dev.hypercare.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request with the status it answered, answers from
 * a script of statuses (then a default), and can stop (connections refused) and come back on the same port.
 */
final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received; {@code nanos} from System.nanoTime when it arrived. */
    record Request(long nanos, String path, Map<String, String> headers, byte[] body, int answered) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    private volatile Map<String, String> replyHeaders = Map.of();
    private volatile Function<Request, String> replyBody = r -> "ok";
    private volatile long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;

    private Receiver(HttpServer server) {
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    static Receiver start() {
        try {
            Receiver r = new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            r.serve();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            arrivals.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer scripted = script.poll();
            int status = scripted != null ? scripted : otherwise;
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            Request request = new Request(System.nanoTime(), path, headers, body, status);
            requests.add(request);
            replyHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] reply = replyBody.apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                exchange.getResponseBody().write(reply);
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int port() {
        return port;
    }

    /** The next requests are answered with these statuses, in order; later ones with the default. */
    Receiver answer(int... statuses) {
        for (int s : statuses) {
            script.add(s);
        }
        return this;
    }

    Receiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    Receiver replyHeaders(Map<String, String> headers) {
        this.replyHeaders = Map.copyOf(headers);
        return this;
    }

    Receiver replyBody(Function<Request, String> body) {
        this.replyBody = body;
        return this;
    }

    Receiver delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    synchronized void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    synchronized void restart() {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int attempt = 1; ; attempt++) {
            try {
                server = HttpServer.create(address, 0);
                serve();
                return;
            } catch (BindException e) {
                if (attempt == 50) {
                    throw new UncheckedIOException(e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Requests that arrived, including those still being answered. */
    int arrivals() {
        return arrivals.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    /** How often each alert id was accepted, by the Idempotency-Key header. */
    Map<String, Long> acceptedById() {
        return accepted().stream().collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"),
                LinkedHashMap::new, Collectors.counting()));
    }

    /** The alert ids accepted, in order of arrival. */
    List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        accepted().forEach(r -> ids.add(r.header("Idempotency-Key")));
        return Collections.unmodifiableList(ids);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
