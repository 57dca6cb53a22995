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
    void aHungServerDisturbsNoOtherProbeAndEverythingIsServed() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             DemoTarget target = RunnerFixture.target()) {
            String hung = """
                      - name: hung
                        kind: http
                        url: http://127.0.0.1:%d/
                        interval: 200ms
                        timeout: 190ms
                        severity: P3
                    """.formatted(silent.getLocalPort());
            RunnerFixture.Console console = new RunnerFixture.Console();
            try (ProbeRunner runner = ProbeRunner.start(RunnerFixture.options(RunnerFixture.probesYaml(hung), RunnerFixture.env(target), dir),
                    console.writer)) {
                Thread.sleep(3_000);
                RunnerStatus status = runner.status();
                ProbeStatus live = status.probes().stream().filter(p -> p.name().equals("live")).findFirst().orElseThrow();
                ProbeStatus hungProbe = status.probes().stream().filter(p -> p.name().equals("hung")).findFirst().orElseThrow();
                assertThat(live.windows().getFirst().failures()).isZero();
                // 200 ms apart for ~3 s: at least 10 runs of the healthy probe despite its hung neighbour
                assertThat(live.windows().getFirst().samples()).isGreaterThanOrEqualTo(10);
                assertThat(hungProbe.last()).get().extracting(r -> r.reason().text()).isEqualTo("timeout");
                assertThat(hungProbe.up()).isFalse();

                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + runner.address().getPort());
                String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("probe_success{location=\"local\",probe=\"live\"} 1.0")
                        .contains("probe_success{location=\"local\",probe=\"hung\"} 0.0");
                HttpResponse<String> api = http.send(HttpRequest.newBuilder(base.resolve("/api/status")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).isEqualTo(200);
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.body());
                assertThat(json.path("service").asText()).isEqualTo("demo");
                assertThat(json.path("probes")).extracting(p -> p.path("name").asText()).containsExactly("live", "ready", "hung");
                assertThat(http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("hung", "live");
            }
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
