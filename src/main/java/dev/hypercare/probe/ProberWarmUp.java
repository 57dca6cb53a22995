package dev.hypercare.probe;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The first HTTP probe of a JVM spends a second or more loading and compiling the client, the JSON reader
 * and the conditions: on a healthy target it would fail {@code [RESPONSE_TIME] < 500ms}. Before the first
 * real round, one probe runs against a throwaway server on 127.0.0.1, so the cost is paid without sending
 * a single extra request to the target.
 */
public final class ProberWarmUp {
    private static final byte[] BODY = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}".getBytes(StandardCharsets.UTF_8);

    private ProberWarmUp() {}

    /** Runs the warm-up and returns its result (for tests); never throws for what the network does. */
    public static ProbeResult run() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            return null; // no loopback socket: the first real probe will simply be slower
        }
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        try {
            String yaml = """
                    probes:
                      - name: warm-up
                        kind: http
                        url: http://127.0.0.1:%d/
                        interval: 10s
                        timeout: 5s
                        conditions: ["[STATUS] == 200", '[BODY].status == "UP"', '[BODY].components.db.status == "UP"', "[RESPONSE_TIME] < 5s"]
                    """.formatted(server.getAddress().getPort());
            ProbeSpec spec = ProbeConfig.parse("warm-up", yaml, Map.of()).probes().getFirst();
            return new ProbeDispatcher(Map.of()).probe(spec, Clock.systemUTC());
        } finally {
            server.stop(0);
        }
    }
}
