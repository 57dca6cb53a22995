package dev.hypercare.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hypercare.runner.RunnerStatus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The probe runner's HTTP face, on 127.0.0.1:9464 unless told otherwise:
 * <ul>
 *   <li>{@code GET /metrics}: the Prometheus exposition ({@link ProbeMetrics}), text format 0.0.4, or
 *       OpenMetrics when the scraper's Accept header asks for it. The gauges are brought up to the current
 *       status first, so a scrape never shows an older snapshot than /api/status would.</li>
 *   <li>{@code GET /api/status}: the current status as JSON ({@link StatusJson}).</li>
 *   <li>{@code GET /}: the status page ({@link StatusPage}).</li>
 * </ul>
 * HEAD works on each; another method gets 405 with {@code Allow}, another path 404. A failure inside gets
 * 500 with one plain line and is logged; no response ever holds a stack trace. Requests are served by
 * {@value #THREADS} threads with a queue of {@value #QUEUE}: beyond that, connections are closed rather
 * than piling up. {@link #close()} stops listening and ends the threads.
 */
public final class ExpositionServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 9464;
    static final int THREADS = 2;
    static final int QUEUE = 16;
    private static final int BACKLOG = 32;
    private static final String ALLOW = "GET, HEAD";
    /** The page has no script and needs nothing from anywhere: forbid everything else outright. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'";
    private static final System.Logger LOG = System.getLogger(ExpositionServer.class.getName());

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ProbeMetrics metrics;
    private final Supplier<RunnerStatus> status;

    private ExpositionServer(HttpServer server, ThreadPoolExecutor executor, ProbeMetrics metrics, Supplier<RunnerStatus> status) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.status = status;
    }

    /** 127.0.0.1:{@value #DEFAULT_PORT}: loopback only, Prometheus' port for custom exporters. */
    public static InetSocketAddress defaultAddress() {
        return new InetSocketAddress("127.0.0.1", DEFAULT_PORT); // a literal: no lookup, and never ::1
    }

    /**
     * Listens on {@code address} (port 0 picks a free one; see {@link #port()}) and serves until closed.
     *
     * @param status the current runner status, asked once per request to /metrics, /api/status and /
     * @throws IOException when it cannot listen there, e.g. the port is taken
     */
    public static ExpositionServer start(InetSocketAddress address, ProbeMetrics metrics, Supplier<RunnerStatus> status)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + text(address) + ": " + e.getMessage(), e);
        }
        var executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
        var exposition = new ExpositionServer(server, executor, metrics, status);
        server.createContext("/", exposition::handle);
        server.setExecutor(executor);
        server.start();
        return exposition;
    }

    /** The address it listens on, with the real port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = Objects.requireNonNullElse(exchange.getRequestURI().getPath(), ""); // null for an opaque URI
            Optional<Endpoint> endpoint = Endpoint.of(path);
            if (endpoint.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: try /, /metrics or /api/status\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", ALLOW);
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed: use GET or HEAD\n");
                return;
            }
            try {
                serve(exchange, endpoint.get());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "exposition: " + path + " failed", e);
                send(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
            }
        } catch (IOException e) {
            // the client went away mid-response: nothing left to tell it
            LOG.log(System.Logger.Level.DEBUG, "exposition: response not delivered", e);
        }
    }

    private enum Endpoint {
        METRICS, STATUS, PAGE;

        static Optional<Endpoint> of(String path) {
            return switch (path) {
                case "/metrics" -> Optional.of(METRICS);
                case "/api/status" -> Optional.of(STATUS);
                case "/" -> Optional.of(PAGE);
                default -> Optional.empty();
            };
        }
    }

    private void serve(HttpExchange exchange, Endpoint endpoint) throws IOException {
        RunnerStatus now = status.get();
        switch (endpoint) {
            case METRICS -> {
                String contentType = wantsOpenMetrics(exchange.getRequestHeaders().getFirst("Accept"))
                        ? ProbeMetrics.OPENMETRICS_CONTENT_TYPE : ProbeMetrics.TEXT_CONTENT_TYPE;
                metrics.update(now);
                send(exchange, 200, contentType, metrics.scrape(contentType));
            }
            case STATUS -> send(exchange, 200, "application/json", StatusJson.render(now));
            case PAGE -> {
                exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
                send(exchange, 200, "text/html; charset=utf-8", StatusPage.render(now));
            }
        }
    }

    static boolean wantsOpenMetrics(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text");
    }

    private static void send(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static ThreadFactory daemonThreads() {
        var count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hypercare-exposition-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String text(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
