package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thousands of idle WebSockets must cost the target little and leave HTTP answering. The clients are JDK
 * HttpClient WebSockets: they share one selector thread, where Java-WebSocket clients would take two
 * threads each.
 */
class IdleWebSocketsTest {

    private static final int CONNECTIONS = 2_000;
    private static final int BATCH = 200;

    @Test
    void holdsTwoThousandIdleWebSocketsWhileHttpStillAnswers() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<WebSocket> sockets = new ArrayList<>(CONNECTIONS);
        try (DemoTarget target = DemoTarget.start(TargetConfig.defaults())) {
            // batches keep the connect burst within the listen backlog
            for (int opened = 0; opened < CONNECTIONS; opened += BATCH) {
                List<CompletableFuture<WebSocket>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(client.newWebSocketBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(target.webSocketUrl(), new WebSocket.Listener() {}));
                }
                for (CompletableFuture<WebSocket> socket : batch) {
                    sockets.add(socket.get(15, TimeUnit.SECONDS));
                }
            }
            Await.until(CONNECTIONS + " connections", Duration.ofSeconds(10),
                    () -> target.stats().webSocketConnections() == CONNECTIONS);

            Http http = new Http(target.httpUrl());
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/api/health/live").status()).isEqualTo(200);
            }
            Http.Response health = http.get("/api/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/components/websocket/connections").asLong()).isEqualTo(CONNECTIONS);

            assertThat(target.dropWebSockets()).isEqualTo(CONNECTIONS);
        } finally {
            sockets.forEach(WebSocket::abort);
            client.shutdownNow();
        }
    }
}
