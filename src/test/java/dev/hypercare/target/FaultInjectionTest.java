package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static DemoTarget target;
    private static Http http;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.start(TargetConfig.defaults());
        http = new Http(target.httpUrl());
        admin = new Http(target.adminUrl());
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @AfterEach
    void clearFaults() {
        target.setFaults(Faults.none());
    }

    @Test
    void fixedLatencyDelaysEveryPublicRequestButNotTheAdminApi() throws Exception {
        target.setFaults(Faults.none().withLatency(LatencyDistribution.parse("400ms")));
        long start = System.nanoTime();
        assertThat(http.get("/api/health/live").status()).isEqualTo(200);
        assertThat(elapsed(start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        start = System.nanoTime();
        assertThat(http.get("/no-such-page").status()).isEqualTo(404);
        assertThat(elapsed(start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        start = System.nanoTime();
        assertThat(admin.get("/faults", target.adminToken()).status()).isEqualTo(200);
        assertThat(elapsed(start)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void errorRateOneFailsEveryPublicRequestIncludingHealth() throws Exception {
        String token = http.login("before-the-fault");
        target.setFaults(Faults.none().withErrorRate(1.0));
        for (String path : List.of("/", "/api/health/live", "/api/health/ready", "/api/health", "/api/tasks", "/nope")) {
            Http.Response response = http.get(path, token);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.body()).isEqualTo("{\"error\":\"injected fault\"}");
        }
        assertThat(http.post("/api/auth/login", "{\"username\":\"u\",\"password\":\"p\"}").status()).isEqualTo(503);
    }

    @Test
    void errorRateZeroFailsNothing() throws Exception {
        target.setFaults(Faults.none().withErrorRate(0.0));
        for (int i = 0; i < 50; i++) {
            assertThat(http.get("/api/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void errorRateOfAThirdFailsAboutAThirdOfRequests() throws Exception {
        target.setFaults(Faults.none().withErrorRate(0.3));
        int failed = 0;
        int requests = 400;
        for (int i = 0; i < requests; i++) {
            int status = http.get("/api/health/live").status();
            assertThat(status).isIn(200, 503);
            failed += status == 503 ? 1 : 0;
        }
        // expected 120, standard deviation about 9: this band is more than four deviations wide each way
        assertThat(failed).isBetween(80, 160);
    }

    @Test
    void authFailureRateOneRefusesEveryLoginButKeepsIssuedTokensValid() throws Exception {
        String token = http.login("early");
        target.setFaults(Faults.none().withAuthFailureRate(1.0));
        for (int i = 0; i < 10; i++) {
            Http.Response response = http.post("/api/auth/login", "{\"username\":\"u\",\"password\":\"p\"}");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isNotBlank();
        }
        assertThat(http.get("/api/tasks", token).status()).isEqualTo(200);
        target.setFaults(Faults.none());
        assertThat(http.post("/api/auth/login", "{\"username\":\"u\",\"password\":\"p\"}").status()).isEqualTo(200);
    }

    @Test
    void outageUnhealthyReportsDownOnHealthAndFailsEverythingElse() throws Exception {
        String token = http.login("sick");
        target.setFaults(Faults.none().withOutage(Outage.UNHEALTHY));

        Http.Response live = http.get("/api/health/live");
        assertThat(live.status()).isEqualTo(503);
        assertThat(live.body()).isEqualTo("{\"status\":\"DOWN\"}");
        Http.Response ready = http.get("/api/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(ready.json().at("/checks/database").asText()).isEqualTo("DOWN");
        Http.Response health = http.get("/api/health");
        assertThat(health.status()).isEqualTo(503);
        JsonNode body = health.json();
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.at("/components/database/status").asText()).isEqualTo("DOWN");

        assertThat(http.get("/").status()).isEqualTo(503);
        assertThat(http.get("/api/tasks", token).status()).isEqualTo(503);
        assertThat(http.post("/api/auth/login", "{\"username\":\"u\",\"password\":\"p\"}").status()).isEqualTo(503);

        target.setFaults(Faults.none());
        assertThat(http.get("/api/health/live").status()).isEqualTo(200);
    }

    @Test
    void outageDownRefusesConnectionsAndRestoresOnSamePorts() throws Exception {
        try (DemoTarget own = DemoTarget.start(TargetConfig.defaults())) {
            URI httpUrl = own.httpUrl();
            URI webSocketUrl = own.webSocketUrl();
            Http before = new Http(httpUrl);
            assertThat(before.get("/api/health/live").status()).isEqualTo(200);
            WsClient open = WsClient.connected(webSocketUrl);
            Await.until("the connection to be counted", Duration.ofSeconds(5),
                    () -> own.stats().webSocketConnections() == 1);

            own.setFaults(Faults.none().withOutage(Outage.DOWN));

            assertThat(open.awaitClose()).as("open WebSocket dropped").isTrue();
            assertThat(open.closeCode).isEqualTo(1006);
            assertThatThrownBy(() -> new Http(httpUrl).get("/api/health/live")).isInstanceOf(ConnectException.class);
            assertRefused(httpUrl);
            assertRefused(webSocketUrl);
            WsClient refused = new WsClient(webSocketUrl);
            assertThat(refused.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
            // the admin API stays up to end the outage
            Http ownAdmin = new Http(own.adminUrl());
            assertThat(ownAdmin.get("/faults", own.adminToken()).json().get("outage").asText()).isEqualTo("down");

            Http.Response restored = ownAdmin.post("/faults", "{\"outage\":\"none\"}", own.adminToken());
            assertThat(restored.status()).isEqualTo(200);

            assertThat(own.httpUrl()).isEqualTo(httpUrl);
            assertThat(own.webSocketUrl()).isEqualTo(webSocketUrl);
            assertThat(new Http(httpUrl).get("/api/health/live").status()).isEqualTo(200);
            WsClient again = WsClient.connected(webSocketUrl);
            again.send("back");
            assertThat(again.next()).isEqualTo("back");
            again.closeBlocking();
        }
    }

    @Test
    void startingInOutageDownStillReportsPortsAndComesUpOnThem() throws Exception {
        TargetConfig config = TargetConfig.defaults().withFaults(Faults.none().withOutage(Outage.DOWN));
        try (DemoTarget own = DemoTarget.start(config)) {
            assertThat(own.httpUrl().getPort()).isPositive();
            assertRefused(own.httpUrl());
            assertRefused(own.webSocketUrl());
            own.setFaults(Faults.none());
            assertThat(new Http(own.httpUrl()).get("/api/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void droppingWebSocketsClosesThemAbnormallyAndCountsThem() throws Exception {
        try (DemoTarget own = DemoTarget.start(TargetConfig.defaults())) {
            List<WsClient> clients = List.of(
                    WsClient.connected(own.webSocketUrl()),
                    WsClient.connected(own.webSocketUrl()),
                    WsClient.connected(own.webSocketUrl()));
            Await.until("three connections", Duration.ofSeconds(5), () -> own.stats().webSocketConnections() == 3);

            assertThat(own.dropWebSockets()).isEqualTo(3);

            for (WsClient client : clients) {
                assertThat(client.awaitClose()).isTrue();
                assertThat(client.closeCode).isEqualTo(1006);
                assertThat(client.closedByRemote).isTrue();
            }
            Await.until("no connections", Duration.ofSeconds(5), () -> own.stats().webSocketConnections() == 0);
            assertThat(own.dropWebSockets()).isZero();
            // dropping is an action, not a state: new clients connect as before
            WsClient after = WsClient.connected(own.webSocketUrl());
            after.send("still here");
            assertThat(after.next()).isEqualTo("still here");
            after.closeBlocking();
        }
    }

    private static void assertRefused(URI url) {
        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
