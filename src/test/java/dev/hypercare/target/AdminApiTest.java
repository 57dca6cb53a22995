package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private static DemoTarget target;
    private static Http admin;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.start(TargetConfig.defaults());
        admin = new Http(target.adminUrl());
        token = target.adminToken();
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
    void everyAdminRequestNeedsTheToken() throws Exception {
        for (String path : new String[] {"/faults", "/stats", "/no-such-route", ""}) {
            Http.Response anonymous = admin.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).isEqualTo("application/json");
            assertThat(admin.get(path, "wrong-" + token).status()).as(path).isEqualTo(401);
        }
        assertThat(admin.post("/faults", "{\"errorRate\":1}").status()).isEqualTo(401);
        assertThat(admin.post("/websockets/drop", "").status()).isEqualTo(401);
        assertThat(target.faults()).isEqualTo(Faults.none());
    }

    @Test
    void getFaultsShowsTheCurrentFaults() throws Exception {
        target.setFaults(Faults.none().withLatency(LatencyDistribution.parse("700ms")));
        Http.Response response = admin.get("/faults", token);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body())
                .isEqualTo("{\"latency\":\"700ms\",\"errorRate\":0.0,\"authFailureRate\":0.0,\"outage\":\"none\"}");
    }

    @Test
    void postFaultsMergesTheGivenFields() throws Exception {
        Http.Response first = admin.post("/faults", "{\"latency\":\"uniform(10ms,20ms)\",\"errorRate\":0.25}", token);
        assertThat(first.status()).isEqualTo(200);
        Http.Response second = admin.post("/faults", "{\"authFailureRate\":\"0.5\",\"outage\":\"unhealthy\"}", token);
        assertThat(second.status()).isEqualTo(200);
        JsonNode faults = second.json();
        assertThat(faults.get("latency").asText()).isEqualTo("uniform(10ms,20ms)");
        assertThat(faults.get("errorRate").asDouble()).isEqualTo(0.25);
        assertThat(faults.get("authFailureRate").asDouble()).isEqualTo(0.5);
        assertThat(faults.get("outage").asText()).isEqualTo("unhealthy");
        assertThat(target.faults().outage()).isEqualTo(Outage.UNHEALTHY);
        assertThat(new Http(target.httpUrl()).get("/api/health/live").status()).isEqualTo(503);
    }

    @Test
    void deleteFaultsClearsThemAll() throws Exception {
        target.setFaults(new Faults(LatencyDistribution.parse("5ms"), 0.5, 0.5, Outage.UNHEALTHY));
        Http.Response response = admin.delete("/faults", token);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"latency\":\"none\",\"errorRate\":0.0,\"authFailureRate\":0.0,\"outage\":\"none\"}");
        assertThat(target.faults()).isEqualTo(Faults.none());
    }

    @Test
    void invalidFaultValueIsBadRequestWithTheOneLineMessage() throws Exception {
        assertBadRequest("{\"latency\":\"fast\"}",
                "latency: expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms), found 'fast'");
        assertBadRequest("{\"errorRate\":1.5}", "errorRate: expected a number from 0 to 1, found '1.5'");
        assertBadRequest("{\"outage\":\"partial\"}", "outage: expected none, unhealthy or down, found 'partial'");
        assertBadRequest("{\"chaos\":true}",
                "faults: expected latency, errorRate, authFailureRate or outage, found unknown field 'chaos'");
        assertBadRequest("not json", "body: expected a JSON object with latency, errorRate, authFailureRate or outage");
        // a rejected change leaves the faults as they were, even when other fields in it were valid
        assertBadRequest("{\"errorRate\":0.5,\"latency\":\"fast\"}",
                "latency: expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms), found 'fast'");
        assertThat(target.faults()).isEqualTo(Faults.none());
    }

    @Test
    void dropWebSocketsReportsHowManyWereDropped() throws Exception {
        WsClient client = WsClient.connected(target.webSocketUrl());
        Await.until("the connection to be counted", Duration.ofSeconds(5),
                () -> target.stats().webSocketConnections() == 1);
        Http.Response response = admin.post("/websockets/drop", "", token);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"dropped\":1}");
        assertThat(client.awaitClose()).isTrue();
        assertThat(client.closeCode).isEqualTo(1006);
    }

    @Test
    void statsCountRequestsConnectionsMessagesAndBroadcasts() throws Exception {
        new Http(target.httpUrl()).get("/api/health/live");
        WsClient client = WsClient.connected(target.webSocketUrl());
        client.send("{\"type\":\"subscribe\",\"channel\":\"stats\"}");
        assertThat(client.nextOfType("subscribed")).isNotNull();
        assertThat(client.nextOfType("broadcast")).as("a broadcast within 5 s at the default 1 s interval").isNotNull();

        Http.Response response = admin.get("/stats", token);
        assertThat(response.status()).isEqualTo(200);
        JsonNode stats = response.json();
        assertThat(stats.fieldNames()).toIterable()
                .containsExactly("httpRequests", "webSocketConnections", "webSocketMessagesIn", "broadcastsSent");
        assertThat(stats.get("httpRequests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("webSocketConnections").asLong()).isEqualTo(1);
        assertThat(stats.get("webSocketMessagesIn").asLong()).isEqualTo(1);
        assertThat(stats.get("broadcastsSent").asLong()).isGreaterThanOrEqualTo(1);
        client.close();
    }

    @Test
    void unknownAdminRouteIsNotFoundAndWrongMethodIsNotAllowed() throws Exception {
        assertThat(admin.get("/nothing", token).status()).isEqualTo(404);
        Http.Response wrong = admin.get("/websockets/drop", token);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).isEqualTo("POST");
        assertThat(admin.method("PUT", "/faults").status()).isEqualTo(401);
    }

    private static void assertBadRequest(String body, String message) throws Exception {
        Http.Response response = admin.post("/faults", body, token);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo(message);
    }
}
