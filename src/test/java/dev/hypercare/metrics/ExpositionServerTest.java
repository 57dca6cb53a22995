package dev.hypercare.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.runner.RunnerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.hypercare.metrics.Fixtures.T0;
import static dev.hypercare.metrics.MetricNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExpositionServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProbeMetrics metrics = ProbeMetrics.create();
    private final AtomicReference<RunnerStatus> current = new AtomicReference<>(Fixtures.degraded());
    private ExpositionServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private ExpositionServer start(Supplier<RunnerStatus> status) throws IOException {
        server = ExpositionServer.start(new InetSocketAddress("127.0.0.1", 0), metrics, status);
        return server;
    }

    private HttpResponse<String> request(String method, String path, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return request("GET", path);
    }

    @Test
    void metricsHoldRecordedResultsAndTheCurrentSnapshot() throws Exception {
        start(current::get);
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 80));
        metrics.record(Fixtures.timeout("api", T0.minusSeconds(20), "no response"));

        var response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        var e = Exposition.parse(response.body());
        // the snapshot's last result for api (503, 10 s before T0) is newer than the recorded timeout
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api", LOCATION, "eu-west")).contains(0.0);
        assertThat(e.value(PROBE_HTTP_STATUS, PROBE, "api")).contains(503.0);
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "ok")).contains(1.0);
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "timeout")).contains(1.0);
        assertThat(e.value(SERVICE_STATE, SERVICE, "demo", STATE, "CRITICAL")).contains(1.0);
        assertThat(e.value(PROBE_AVAILABILITY, PROBE, "api", WINDOW, "5m")).contains(0.8);
        assertThat(e.value(OPEN_INCIDENTS, SEVERITY, "P1")).contains(1.0);
        assertThat(e.value(BURN_RATE, RULE, "page-fast", WINDOW, "1h")).contains(16.5);
    }

    @Test
    void eachScrapeFollowsTheStatusOfThatMoment() throws Exception {
        start(current::get);
        assertThat(Exposition.parse(get("/metrics").body()).withLabel(PROBE, "cert")).isNotEmpty();

        current.set(Fixtures.status(ServiceState.DEGRADED, List.of("api slow"),
                List.of(Fixtures.degraded().probes().getFirst()), List.of(), List.of()));
        var e = Exposition.parse(get("/metrics").body());

        assertThat(e.withLabel(PROBE, "cert")).as("a probe gone from the status").isEmpty();
        assertThat(e.value(SERVICE_STATE, STATE, "DEGRADED")).contains(1.0);
        assertThat(e.value(SERVICE_STATE, STATE, "CRITICAL")).contains(0.0);
        assertThat(e.value(OPEN_INCIDENTS, SEVERITY, "P1")).contains(0.0);
        assertThat(e.series(BURN_RATE)).isEmpty();
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() throws Exception {
        start(current::get);

        var response = request("GET", "/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body()).endsWith("# EOF\n");
        assertThat(Exposition.parse(response.body()).value(PROBE_UP, PROBE, "cert")).contains(1.0);
    }

    @Test
    void apiStatusIsJsonWithTheDocumentedFields() throws Exception {
        start(current::get);

        var response = get("/api/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode root = JSON.readTree(response.body());
        assertThat(root.path("schemaVersion").asInt()).isEqualTo(StatusJson.SCHEMA_VERSION);
        assertThat(root.path("time").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(root.path("service").asText()).isEqualTo("demo");
        assertThat(root.path("state").path("name").asText()).isEqualTo("CRITICAL");
        assertThat(root.path("state").path("colour").asText()).isEqualTo("red");
        assertThat(root.path("state").path("since").asText()).isEqualTo("2026-11-22T09:53:00Z");
        assertThat(root.path("state").path("reasons")).extracting(JsonNode::asText)
                .containsExactly("api failing: status", "incident INC-1 open (P1)");

        JsonNode service5m = root.path("windows").get(0);
        assertThat(service5m.path("window").asText()).isEqualTo("5m");
        assertThat(service5m.path("windowMillis").asLong()).isEqualTo(300_000);
        assertThat(service5m.path("availability").asDouble()).isEqualTo(0.9);
        assertThat(service5m.path("p95Millis").asDouble()).isEqualTo(180.0);
        JsonNode service7d = root.path("windows").get(1);
        assertThat(service7d.path("window").asText()).isEqualTo("7d");
        assertThat(service7d.path("samples").asLong()).isZero();
        assertThat(service7d.get("availability").isNull()).as("NaN is null").isTrue();
        assertThat(service7d.get("p95Millis").isNull()).isTrue();

        JsonNode api = root.path("probes").get(0);
        assertThat(api.path("name").asText()).isEqualTo("api");
        assertThat(api.path("kind").asText()).isEqualTo("http");
        assertThat(api.path("location").asText()).isEqualTo("eu-west");
        assertThat(api.path("severity").asText()).isEqualTo("P1");
        assertThat(api.path("up").asBoolean(true)).isFalse();
        JsonNode last = api.path("last");
        assertThat(last.path("start").asText()).isEqualTo("2026-11-22T09:59:50Z");
        assertThat(last.path("status").asInt()).isEqualTo(503);
        assertThat(last.path("reason").asText()).isEqualTo("status");
        assertThat(last.path("totalMillis").asDouble()).isEqualTo(120.0);
        assertThat(last.path("phasesMillis").path("processing").asDouble()).isEqualTo(117.0);
        assertThat(last.path("failedConditions")).extracting(JsonNode::asText).containsExactly("[STATUS] (503) == 200");
        assertThat(last.get("certificate").isNull()).isTrue();
        assertThat(api.path("windows").get(1).get("errorRate").isNull()).isTrue();

        JsonNode cert = root.path("probes").get(1).path("last");
        assertThat(cert.get("status").isNull()).as("no HTTP status is null, not -1").isTrue();
        assertThat(cert.path("certificate").path("daysLeft").asLong()).isEqualTo(30);
        assertThat(cert.path("certificate").path("expiry").asText()).isEqualTo("OK");

        JsonNode burn = root.path("burnRates").get(0);
        assertThat(burn.path("rule").asText()).isEqualTo("page-fast");
        assertThat(burn.path("longWindowMillis").asLong()).isEqualTo(3_600_000);
        assertThat(burn.path("longBurn").asDouble()).isEqualTo(16.5);
        assertThat(burn.get("shortBurn").isNull()).isTrue();
        assertThat(burn.path("firing").asBoolean(true)).isFalse();

        JsonNode incident = root.path("openIncidents").get(0);
        assertThat(incident.path("id").asText()).isEqualTo("INC-1");
        assertThat(incident.path("severity").asText()).isEqualTo("P1");
        assertThat(incident.get("resolved").isNull()).isTrue();
        assertThat(incident.path("openMillis").asLong()).isEqualTo(Duration.ofMinutes(7).toMillis());
        assertThat(incident.path("timeline")).extracting(n -> n.path("event").asText()).containsExactly("opened", "escalated");
    }

    @Test
    void statusPageShowsStateProbesAndIncidentsWithEveryTextEscaped() throws Exception {
        ProbeResult hostile = Fixtures.timeout("api", T0.minusSeconds(5), Fixtures.HOSTILE);
        RunnerStatus status = Fixtures.status(ServiceState.ROLLBACK_RECOMMENDED, List.of("inaccessible <b>15m</b>"),
                List.of(Fixtures.probe("api", "http", false, Optional.of(hostile), Fixtures.degraded().probes().getFirst().windows()),
                        Fixtures.probe("<img src=x>", "tls", true, Optional.empty(), List.of())),
                List.of(Fixtures.incident("INC-9", dev.hypercare.incident.Severity.P0, "api down: " + Fixtures.HOSTILE)),
                List.of(Fixtures.burn("page-fast", 20, 30, true)));
        start(() -> status);

        var response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'"));
        String html = response.body();
        assertThat(html).contains("ROLLBACK RECOMMENDED", "class=\"banner red\"", "<meta http-equiv=\"refresh\" content=\"15\"/>")
                .contains("<strong>api</strong>", "&lt;img src=x&gt;", "INC-9", "escalated", "page-fast")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                .contains("inaccessible &lt;b&gt;15m&lt;/b&gt;")
                .contains("badge DOWN", "80.0 %", "150 ms")          // api: down, 5m availability and p95
                .contains("badge FIRING", "14.4×", "20×", "30×")  // the burn-rate rule
                .doesNotContain("<script", "<img", "<b>");
        assertThat(html).as("no external asset").doesNotContainPattern("(src|href)=\"(https?:)?//");

        Document page = parseXml(html); // well-formed, so the escaping left no stray markup
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(page.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("demo: ROLLBACK RECOMMENDED");
    }

    @Test
    void statusPageOfAFreshRunnerSaysThereIsNothingYet() throws Exception {
        RunnerStatus fresh = new RunnerStatus(T0, T0, "demo", ServiceState.OK, List.of(), List.of(), List.of(), List.of(), List.of());
        start(() -> fresh);

        String html = get("/").body();

        assertThat(html).contains("class=\"banner green\"", "No probe configured.", "None.");
        parseXml(html);
    }

    @Test
    void otherPathsAre404AndOtherMethods405WithAllow() throws Exception {
        start(current::get);

        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/metrics/").statusCode()).isEqualTo(404);
        var post = request("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(request("DELETE", "/").statusCode()).isEqualTo(405);
        assertThat(get("/metrics?name=probe_success").statusCode()).as("a query does not change the path").isEqualTo(200);
    }

    @Test
    void headGivesTheLengthWithoutABody() throws Exception {
        start(current::get);

        var head = request("HEAD", "/api/status");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        long length = Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow());
        assertThat(length).isEqualTo(StatusJson.render(current.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void aFailingStatusIs500WithoutAStackTrace() throws Exception {
        start(() -> {
            throw new IllegalStateException("secret detail from deep inside");
        });

        for (String path : List.of("/", "/api/status", "/metrics")) {
            var response = get(path);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("internal error\n");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        start(current::get);

        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(ExpositionServer.defaultAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 9464));
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (var socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), server.port()), 2_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        start(current::get);
        int port = server.port();
        assertThat(get("/").statusCode()).isEqualTo(200);

        server.close();
        server = null;

        try (var socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aTakenPortIsOneClearError() throws Exception {
        start(current::get);

        assertThatThrownBy(() -> ExpositionServer.start(server.address(), metrics, current::get))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port() + ": ");
    }

    private static Document parseXml(String html) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

}
