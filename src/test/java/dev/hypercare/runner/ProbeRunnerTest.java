package dev.hypercare.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.journal.JournalEntry;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalOptions;
import java.time.Clock;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ResultCodec;
import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Faults;
import dev.hypercare.target.LatencyDistribution;
import dev.hypercare.target.Outage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end in this JVM: a real demo target, real probes, the real default policy, a real journal. */
class ProbeRunnerTest {
    @TempDir
    Path dir;

    @Test
    void anOutageIsDetectedWithinIntervalTimesThresholdPlusOneSecondAndResolvedAfterRecovery() throws Exception {
        RunnerFixture.Console console = new RunnerFixture.Console();
        try (DemoTarget target = RunnerFixture.target();
             ProbeRunner runner = ProbeRunner.start(RunnerFixture.options(RunnerFixture.probesYaml(""), RunnerFixture.env(target), dir), console.writer)) {
            await("both probes up and judged", Duration.ofSeconds(10), () -> runner.status().probes().stream().allMatch(p -> p.last().isPresent()));
            assertThat(runner.status().openIncidents()).isEmpty();

            long down = System.nanoTime();
            target.updateFaults(f -> f.withOutage(Outage.DOWN));
            Duration limit = RunnerFixture.INTERVAL.multipliedBy(RunnerFixture.FAILURES_TO_OPEN).plusSeconds(1);
            await("an incident for each probe", limit.plusSeconds(5), () -> runner.status().openIncidents().size() == 2);
            Duration detected = Duration.ofNanos(System.nanoTime() - down);
            System.out.printf("outage detected after %d ms (limit %d ms)%n", detected.toMillis(), limit.toMillis());
            assertThat(detected).isLessThanOrEqualTo(limit);
            List<Incident> open = runner.status().openIncidents();
            assertThat(open).extracting(Incident::key).containsExactlyInAnyOrder("probe:live", "probe:ready");
            assertThat(open).filteredOn(i -> i.key().equals("probe:live")).singleElement()
                    .satisfies(i -> assertThat(i.title()).contains("refused"));

            target.updateFaults(f -> f.withOutage(Outage.NONE));
            await("incidents resolved", Duration.ofSeconds(5), () -> runner.status().openIncidents().isEmpty());
        }
        try (Journal reader = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
            List<Incident> snapshots = entries(reader, IncidentCodec.INCIDENT).map(e -> IncidentCodec.decodeIncident(e.payload())).toList();
            assertThat(snapshots).filteredOn(i -> !i.isOpen()).extracting(Incident::key)
                    .containsExactlyInAnyOrder("probe:live", "probe:ready");
            long failures = entries(reader, ResultCodec.KIND).map(e -> ResultCodec.decode(e.payload())).filter(r -> !r.success()).count();
            assertThat(failures).as("failed results journaled").isGreaterThanOrEqualTo(2L * RunnerFixture.FAILURES_TO_OPEN);
        }
        assertThat(console.text()).containsPattern("INC-\\d{8}-\\d{3} opened: live failing: refused").containsPattern("INC-\\d{8}-\\d{3} resolved: live failing");
    }

    @Test
    void latencyMakesTheServiceDegradedAndErrorsMakeItCritical() throws Exception {
        RunnerFixture.Console console = new RunnerFixture.Console();
        String yaml = RunnerFixture.probesYaml("500ms", "450ms", "");
        try (DemoTarget target = RunnerFixture.target();
             ProbeRunner runner = ProbeRunner.start(RunnerFixture.options(yaml, RunnerFixture.env(target), dir), console.writer)) {
            target.updateFaults(f -> f.withLatency(LatencyDistribution.parse("--latency", "300ms")));
            await("DEGRADED on p95", Duration.ofSeconds(15), () -> runner.status().state() == ServiceState.DEGRADED);
            assertThat(runner.status().reasons()).anySatisfy(r -> assertThat(r).contains("probe p95"));

            target.updateFaults(f -> f.withLatency(LatencyDistribution.parse("--latency", "none")).withErrorRate(0.1));
            await("CRITICAL on availability", Duration.ofSeconds(20), () -> runner.status().state() == ServiceState.CRITICAL);
            assertThat(runner.status().reasons()).anySatisfy(r -> assertThat(r).containsAnyOf("probe availability", "probe error rate"));
        }
        try (Journal reader = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
            List<ServiceState> states = entries(reader, IncidentCodec.STATE).map(e -> IncidentCodec.decodeState(e.payload()).to()).toList();
            assertThat(states).containsSubsequence(ServiceState.DEGRADED, ServiceState.CRITICAL);
        }
    }

    @Test
    void aFlappingTargetOpensNoIncident() throws Exception {
        RunnerFixture.Console console = new RunnerFixture.Console();
        try (DemoTarget target = RunnerFixture.target();
             ProbeRunner runner = ProbeRunner.start(RunnerFixture.options(RunnerFixture.probesYaml(""), RunnerFixture.env(target), dir), console.writer)) {
            await("probes up", Duration.ofSeconds(10), () -> runner.status().probes().stream().allMatch(p -> p.last().isPresent()));
            // sick for 250 ms out of every second: at most two failures in a row at 200 ms intervals
            for (int i = 0; i < 6; i++) {
                target.updateFaults(f -> f.withOutage(Outage.UNHEALTHY));
                Thread.sleep(250);
                target.updateFaults(f -> f.withOutage(Outage.NONE));
                Thread.sleep(750);
            }
            Thread.sleep(300);
            RunnerStatus status = runner.status();
            assertThat(status.openIncidents()).isEmpty();
            assertThat(status.probes()).allSatisfy(p -> assertThat(p.up()).isTrue());
            assertThat(status.windows().getFirst().failures()).as("the flaps were seen").isPositive();
        }
        try (Journal reader = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
            assertThat(entries(reader, IncidentCodec.INCIDENT).count()).isZero();
        }
    }

    @Test
    void hostileTargetsFailWithTheirReasonAndDisturbNoOtherProbeAndEverythingIsServed() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             HostileHttp hostile = new HostileHttp();
             DemoTarget target = RunnerFixture.target()) {
            var mute = new dev.hypercare.probe.MuteWebSocketServer();
            mute.start();
            mute.started.await();
            String probes = """
                      - name: never answers
                        kind: http
                        url: http://127.0.0.1:%d/
                        interval: 200ms
                        timeout: 190ms
                        severity: P3
                      - name: huge body
                        kind: http
                        url: %s/huge
                        interval: 200ms
                        timeout: 190ms
                        maxBodyBytes: 65536
                        severity: P3
                      - name: invalid json
                        kind: http
                        url: %s/invalid
                        interval: 200ms
                        timeout: 190ms
                        severity: P3
                        conditions: ["[STATUS] == 200", '[BODY].status == "UP"']
                      - name: mute websocket
                        kind: websocket
                        url: ws://127.0.0.1:%d/ws
                        interval: 200ms
                        timeout: 190ms
                        severity: P3
                        send: ping
                        expect: '[BODY] == "pong"'
                    """.formatted(silent.getLocalPort(), hostile.url(), hostile.url(), mute.getPort());
            RunnerFixture.Console console = new RunnerFixture.Console();
            Instant started = Instant.now();
            // the healthy probes get a roomy timeout: what is tested is their neighbours, not this machine's load
            try (ProbeRunner runner = ProbeRunner.start(RunnerFixture.options(RunnerFixture.probesYaml("500ms", "450ms", probes),
                    RunnerFixture.env(target), dir), console.writer)) {
                Thread.sleep(5_000);
                RunnerStatus status = runner.status();
                java.util.Map<String, ProbeStatus> byName = new java.util.HashMap<>();
                status.probes().forEach(p -> byName.put(p.name(), p));
                ProbeStatus live = byName.get("live");
                // the first seconds pay for loading and initialising every prober's classes at once on a cold JVM, on the
                // same two carrier threads that serve the in-process demo target; once warm, none may fail
                assertThat(failuresOf("live", started.plusSeconds(2))).isEmpty();
                // 500 ms apart for 5 s: at least 8 runs of the healthy probe despite its hostile neighbours
                assertThat(live.windows().getFirst().samples()).isGreaterThanOrEqualTo(8);
                assertThat(java.util.Map.of("never answers", "timeout", "huge body", "body_too_large", "invalid json", "condition",
                        "mute websocket", "timeout")).allSatisfy((name, reason) -> {
                            assertThat(byName.get(name).last()).get().extracting(r -> r.reason().text()).as(name).isEqualTo(reason);
                            assertThat(byName.get(name).up()).as(name + " held down").isFalse();
                        });

                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + runner.address().getPort());
                String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("probe_success{location=\"local\",probe=\"live\"} 1.0")
                        .contains("probe_success{location=\"local\",probe=\"never answers\"} 0.0");
                HttpResponse<String> api = http.send(HttpRequest.newBuilder(base.resolve("/api/status")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).isEqualTo(200);
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.body());
                assertThat(json.path("service").asText()).isEqualTo("demo");
                assertThat(json.path("probes")).extracting(p -> p.path("name").asText())
                        .containsExactly("live", "ready", "never answers", "huge body", "invalid json", "mute websocket");
                assertThat(http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("huge body", "live");
            } finally {
                mute.stop(1_000);
            }
        }
    }

    /** The failed results of {@code probe} that started at or after {@code from}, read while the runner writes. */
    private List<String> failuresOf(String probe, Instant from) {
        return dev.hypercare.journal.JournalReader.open(dir).read(from, Instant.now().plusSeconds(60), java.util.Set.of(ResultCodec.KIND))
                .entries().stream().map(e -> ResultCodec.decode(e.payload()))
                .filter(r -> r.probe().equals(probe) && !r.success())
                .map(r -> r.start() + " " + r.reason().text() + " " + r.message()).toList();
    }

    /** An HTTP server that answers badly: an endless body at /huge, a body that is not JSON at /invalid. */
    private static final class HostileHttp implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        HostileHttp() throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/huge", exchange -> {
                exchange.sendResponseHeaders(200, 0); // chunked, no length: the prober must stop reading by itself
                byte[] chunk = new byte[16 * 1024];
                try (var body = exchange.getResponseBody()) {
                    for (int i = 0; i < 4096; i++) { // 64 MiB at most, far past the probe's cap
                        body.write(chunk);
                    }
                } catch (java.io.IOException closedByTheProber) {
                    // expected: the prober hangs up once it has read enough
                }
            });
            server.createContext("/invalid", exchange -> {
                byte[] body = "{\"status\": UP".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aRestartKeepsTheOpenIncidentAndTheHistory() throws Exception {
        RunnerFixture.Console console = new RunnerFixture.Console();
        String firstId;
        long resultsBefore;
        try (DemoTarget target = RunnerFixture.target()) {
            target.updateFaults(f -> f.withOutage(Outage.DOWN));
            var options = RunnerFixture.options(RunnerFixture.probesYaml(""), RunnerFixture.env(target), dir);
            try (ProbeRunner runner = ProbeRunner.start(options, console.writer)) {
                await("incidents open", Duration.ofSeconds(10), () -> runner.status().openIncidents().size() == 2);
                firstId = runner.status().openIncidents().stream().filter(i -> i.key().equals("probe:live")).findFirst().orElseThrow().id();
            }
            try (Journal reader = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
                resultsBefore = entries(reader, ResultCodec.KIND).count();
            }
            try (ProbeRunner runner = ProbeRunner.start(options, console.writer)) {
                RunnerStatus status = runner.status();
                assertThat(status.openIncidents()).extracting(Incident::id).contains(firstId);
                assertThat(status.probes()).allSatisfy(p -> assertThat(p.up()).isFalse());
                assertThat(status.windows().getFirst().samples()).as("history restored into the windows").isGreaterThanOrEqualTo(resultsBefore);
                Thread.sleep(1_000); // still down: no second incident for the same probe
                assertThat(runner.status().openIncidents()).hasSize(2);
                target.updateFaults(f -> f.withOutage(Outage.NONE));
                await("resolved after the restart", Duration.ofSeconds(5), () -> runner.status().openIncidents().isEmpty());
            }
        }
        try (Journal reader = Journal.open(dir, JournalOptions.defaults(), Clock.systemUTC())) {
            List<Incident> snapshots = entries(reader, IncidentCodec.INCIDENT).map(e -> IncidentCodec.decodeIncident(e.payload())).toList();
            assertThat(snapshots).extracting(Incident::id).filteredOn(id -> !id.equals(firstId)).doesNotContain(firstId);
            assertThat(snapshots.stream().map(Incident::id).distinct().count()).as("one incident per probe, across the restart").isEqualTo(2);
        }
    }

    /** Entries of one kind, read into a list (the journal's stream must be closed). */
    private static Stream<JournalEntry> entries(Journal journal, String kind) {
        try (Stream<JournalEntry> all = journal.readAll()) {
            return all.filter(e -> e.kind().equals(kind)).toList().stream();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
