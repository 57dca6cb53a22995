package dev.hypercare.runner;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A generic-webhook receiver on 127.0.0.1: records every delivery's Idempotency-Key (the alert id) and body. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> ids = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    ids.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    bodies.add(body);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized List<String> ids() {
        return List.copyOf(ids);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** How many times each alert id arrived. */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
