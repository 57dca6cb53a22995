package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiTest {

    private static DemoTarget target;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.start(TargetConfig.defaults().withVersion("9.9.9-test"));
        http = new Http(target.httpUrl());
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @Test
    void urlsAreLoopbackWithBoundPorts() {
        assertThat(target.httpUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(target.webSocketUrl().toString()).matches("ws://127\\.0\\.0\\.1:\\d+/ws");
        assertThat(target.adminUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/admin");
        assertThat(target.httpUrl().getPort()).isPositive();
        assertThat(target.adminToken()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void landingPageIsHtml() throws Exception {
        Http.Response response = http.get("/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("<html").contains("/api/health").contains("9.9.9-test");
    }

    @Test
    void livenessIsUp() throws Exception {
        Http.Response response = http.get("/api/health/live");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessReportsItsChecks() throws Exception {
        Http.Response response = http.get("/api/health/ready");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"cache\":\"UP\"}}");
    }

    @Test
    void combinedHealthReportsVersionUptimeAndComponents() throws Exception {
        Http.Response response = http.get("/api/health");
        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("version").asText()).isEqualTo("9.9.9-test");
        assertThat(health.get("uptimeSeconds").isIntegralNumber()).isTrue();
        JsonNode components = health.get("components");
        assertThat(components.at("/database/status").asText()).isEqualTo("UP");
        assertThat(components.at("/database/latencyMs").isNumber()).isTrue();
        assertThat(components.at("/database/latencyMs").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(components.at("/cache/status").asText()).isEqualTo("UP");
        assertThat(components.at("/cache/latencyMs").isNumber()).isTrue();
        assertThat(components.at("/websocket/status").asText()).isEqualTo("UP");
        assertThat(components.at("/websocket/connections").isIntegralNumber()).isTrue();
    }

    @Test
    void combinedHealthCountsOpenWebSockets() throws Exception {
        WsClient client = WsClient.connected(target.webSocketUrl());
        try {
            Await.until("the server to count the connection", java.time.Duration.ofSeconds(5),
                    () -> target.stats().webSocketConnections() >= 1);
            assertThat(http.get("/api/health").json().at("/components/websocket/connections").asLong())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            client.closeBlocking();
        }
    }

    @Test
    void loginReturnsAStatelessTokenValidForAnHour() throws Exception {
        Http.Response response = http.post("/api/auth/login", "{\"username\":\"ada\",\"password\":\"p\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode body = response.json();
        assertThat(body.get("token").asText()).matches("[A-Za-z0-9_.-]+");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(3600);
    }

    @Test
    void loginWithoutUsernameOrPasswordIsBadRequest() throws Exception {
        for (String body : new String[] {
            "{\"username\":\"ada\"}", "{\"password\":\"p\"}", "{\"username\":\"\",\"password\":\"p\"}",
            "{\"username\":\"ada\",\"password\":\"\"}", "{}", "not json", ""
        }) {
            Http.Response response = http.post("/api/auth/login", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.json().get("error").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void tasksNeedABearerToken() throws Exception {
        assertThat(http.get("/api/tasks").status()).isEqualTo(401);
        assertThat(http.get("/api/tasks", "not-a-token").status()).isEqualTo(401);
        assertThat(http.get("/api/tasks/1", "abc.123.def").status()).isEqualTo(401);
        Http.Response response = http.post("/api/tasks", "{\"title\":\"t\"}", "forged");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("error").asText()).isNotBlank();
    }

    @Test
    void createdTaskCanBeReadBackAndIsListedNewestFirst() throws Exception {
        String token = http.login("grace");
        Http.Response created = http.post("/api/tasks", "{\"title\":\"ship it\"}", token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).isEqualTo("application/json");
        JsonNode task = created.json();
        long id = task.get("id").asLong();
        assertThat(task.get("title").asText()).isEqualTo("ship it");
        assertThat(task.get("owner").asText()).isEqualTo("grace");
        assertThat(Instant.parse(task.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(created.header("Location")).isEqualTo("/api/tasks/" + id);

        Http.Response read = http.get("/api/tasks/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(task);

        http.post("/api/tasks", "{\"title\":\"then this\"}", token);
        JsonNode list = http.get("/api/tasks", token).json();
        assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(list.get("tasks").get(0).get("title").asText()).isEqualTo("then this");
        assertThat(list.get("tasks").size()).isLessThanOrEqualTo(20);
    }

    @Test
    void taskListShowsTheLatestTwenty() throws Exception {
        String token = http.login("lister");
        for (int i = 0; i < 25; i++) {
            assertThat(http.post("/api/tasks", "{\"title\":\"bulk " + i + "\"}", token).status()).isEqualTo(201);
        }
        JsonNode list = http.get("/api/tasks", token).json();
        assertThat(list.get("tasks").size()).isEqualTo(20);
        assertThat(list.get("tasks").get(0).get("title").asText()).isEqualTo("bulk 24");
        assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void unknownTaskIsNotFound() throws Exception {
        String token = http.login("grace");
        Http.Response response = http.get("/api/tasks/987654321", token);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(http.get("/api/tasks/abc", token).status()).isEqualTo(404);
    }

    @Test
    void taskWithoutTitleIsBadRequest() throws Exception {
        String token = http.login("grace");
        for (String body : new String[] {"{}", "{\"title\":\"\"}", "{\"title\":42}", "[]", "nope"}) {
            Http.Response response = http.post("/api/tasks", body, token);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("error").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void unknownPathIsNotFoundAsJson() throws Exception {
        Http.Response response = http.get("/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.json().get("error").asText()).contains("/no/such/thing");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAllowHeader() throws Exception {
        Http.Response response = http.method("DELETE", "/api/tasks");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.header("Allow")).isEqualTo("GET, POST");
        assertThat(http.method("POST", "/api/health").status()).isEqualTo(405);
        assertThat(http.get("/api/auth/login").status()).isEqualTo(405);
        assertThat(http.method("PUT", "/").status()).isEqualTo(405);
    }

    @Test
    void bodyOverSixtyFourKibibytesIsPayloadTooLarge() throws Exception {
        String token = http.login("big");
        String huge = "{\"title\":\"" + "x".repeat(70 * 1024) + "\"}";
        Http.Response response = http.post("/api/tasks", huge, token);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(http.post("/api/auth/login", huge).status()).isEqualTo(413);
        // the connection stays usable after a refused body
        assertThat(http.get("/api/health/live").status()).isEqualTo(200);
    }

    @Test
    void publicRequestsAreCounted() throws Exception {
        long before = target.stats().httpRequests();
        http.get("/api/health/live");
        http.get("/nothing-here");
        assertThat(target.stats().httpRequests()).isGreaterThanOrEqualTo(before + 2);
    }
}
