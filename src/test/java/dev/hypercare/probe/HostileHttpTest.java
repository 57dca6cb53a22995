package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Servers that misbehave on purpose, on 127.0.0.1 and free ports: the probe must end in time, bounded, with a reason. */
class HostileHttpTest {
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final HttpProber prober = new HttpProber(Map.of());

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private String serve(String path, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(path, handler);
        server.start();
        servers.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutInAboutTheTimeout() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(silent);
        List<Socket> held = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(silent.accept()); // accepted, never read, never answered
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        ProbeSpec spec = Specs.one("kind: http\nurl: http://127.0.0.1:" + silent.getLocalPort() + "/\ntimeout: 400ms");
        ProbeResult result = prober.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(result.success()).isFalse();
        assertThat(result.total()).isBetween(Duration.ofMillis(350), Duration.ofMillis(3400));
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void aHugeBodyStopsAtTheCapWithoutReadingIt() throws Exception {
        AtomicLong written = new AtomicLong();
        String url = serve("/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, endless
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 32 * 1024; i++) { // 2 GiB if nobody stops it
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException dropped) {
                // the prober hung up, as it should
            }
        });
        ProbeSpec spec = Specs.one("kind: http\nurl: " + url + "/\ntimeout: 4s\nmaxBodyBytes: 100000");
        ProbeResult result = prober.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).as(result.toString()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.message()).isEqualTo("body larger than maxBodyBytes (100000 bytes)");
        assertThat(result.total()).isLessThan(Duration.ofSeconds(5));
        // the connection was dropped: the server could only fill socket buffers, not send the 2 GiB
        Thread.sleep(200);
        assertThat(written.get()).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void invalidJsonFailsTheConditionWithItsReason() throws Exception {
        String url = serve("/", exchange -> reply(exchange, 200, "<html>not json</html>"));
        ProbeSpec spec = Specs.one("kind: http\nurl: " + url + "/\nconditions:\n  - \"[STATUS] == 200\"\n  - '[BODY].status == \"UP\"'");
        ProbeResult result = prober.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.CONDITION);
        assertThat(result.conditions()).extracting(ConditionResult::ok).containsExactly(true, false);
        assertThat(result.failedConditions().getFirst()).startsWith("[BODY].status (invalid JSON: Unexpected character ('<'");
    }

    @Test
    void aRedirectLoopIsCutAfterFollowRedirects() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        String url = serve("/", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/loop");
            reply(exchange, 302, "");
        });
        ProbeSpec spec = Specs.one("kind: http\nurl: " + url + "/loop\nfollowRedirects: 4");
        ProbeResult result = prober.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.REDIRECTS);
        assertThat(result.status()).isEqualTo(302);
        assertThat(result.message()).isEqualTo("more than 4 redirects");
        assertThat(requests.get()).isEqualTo(5);
    }

    @Test
    void redirectsAreFollowedAndZeroMeansTheConditionsSeeThe3xx() throws Exception {
        String url = serve("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/old")) {
                exchange.getResponseHeaders().add("Location", "/new");
                reply(exchange, 301, "");
            } else {
                reply(exchange, 200, "{\"status\":\"UP\"}");
            }
        });
        ProbeResult followed = prober.probe(Specs.one("kind: http\nurl: " + url + "/old"), Clock.systemUTC());
        assertThat(followed.success()).isTrue();
        assertThat(followed.message()).contains("after 1 redirects");
        ProbeResult kept = prober.probe(Specs.one("kind: http\nurl: " + url + "/old\nfollowRedirects: 0"), Clock.systemUTC());
        assertThat(kept.failedConditions()).containsExactly("[STATUS] (301) == 200");
    }

    @Test
    void secretsNeverAppearInSpecsResultsOrMessagesAndNeverLeaveTheOrigin() throws Exception {
        String secret = "hunter2-very-secret-token";
        ConcurrentLinkedQueue<String> seenByOther = new ConcurrentLinkedQueue<>();
        String other = serve("/", exchange -> {
            seenByOther.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            reply(exchange, 200, "{}");
        });
        String origin = serve("/", exchange -> {
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().equals("/away")) {
                exchange.getResponseHeaders().add("Location", other + "/elsewhere");
                reply(exchange, 302, "");
            } else {
                reply(exchange, 500, "{\"echo\":\"" + auth + "\",\"token\":\"" + auth.substring(auth.indexOf(' ') + 1) + "\"}"); // a careless server echoes the token
            }
        });
        Map<String, String> env = Map.of("SECRET", secret);
        HttpProber withEnv = new HttpProber(env);
        ProbeSpec echoing = Specs.one(env, "kind: http\nurl: " + origin + "/echo\nheaders:\n  Authorization: Bearer ${SECRET}\n"
                + "conditions:\n  - \"[STATUS] == 200\"\n  - '[BODY].echo == \"x\"'\n  - '[BODY].token == \"x\"'");
        ProbeResult echoed = withEnv.probe(echoing, Clock.systemUTC());
        assertThat(echoed.success()).isFalse();
        assertThat(echoed.failedConditions()).contains("[BODY].echo (\"<redacted>\") == \"x\"", "[BODY].token (\"<redacted>\") == \"x\"");
        assertThat(echoing.toString()).contains("Authorization=<redacted>").doesNotContain(secret).doesNotContain("hunter2");
        assertThat(echoed.toString()).doesNotContain(secret);

        ProbeSpec redirected = Specs.one(env, "kind: http\nurl: " + origin + "/away\nheaders:\n  Authorization: Bearer ${SECRET}");
        ProbeResult away = withEnv.probe(redirected, Clock.systemUTC());
        assertThat(away.success()).as(away.toString()).isTrue();
        assertThat(seenByOther).containsExactly("null");

        ProbeSpec refused = Specs.one(env, "kind: http\nurl: http://127.0.0.1:1/\nheaders:\n  Authorization: Bearer ${SECRET}");
        assertThat(withEnv.probe(refused, Clock.systemUTC()).toString()).doesNotContain(secret);

        ProbeSpec inline = Specs.one("kind: http\nurl: http://127.0.0.1:1/\nheaders:\n  X-Api-Key: " + secret);
        assertThat(inline.toString()).doesNotContain(secret);
        assertThat(new ProbeConfig(List.of(inline)).toString()).doesNotContain(secret);
    }
}
