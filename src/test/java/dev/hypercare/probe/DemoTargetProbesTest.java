package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.target.DemoTarget;
import dev.hypercare.target.Faults;
import dev.hypercare.target.LatencyDistribution;
import dev.hypercare.target.Outage;
import dev.hypercare.target.TargetConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped profiles/probes.yaml against the embedded demo target, healthy and with faults injected. */
class DemoTargetProbesTest {
    private static DemoTarget target;
    private static Map<String, String> env;
    private static ProbeConfig config;
    private static ProbeDispatcher dispatcher;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.start(TargetConfig.defaults());
        String ws = target.webSocketUrl().toString();
        env = Map.of("HYPERCARE_TARGET", target.httpUrl().toString(),
                "HYPERCARE_TARGET_WS", ws.substring(0, ws.length() - "/ws".length()));
        config = ProbeConfig.load(Path.of("profiles/probes.yaml"), env);
        dispatcher = new ProbeDispatcher(env);
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @AfterEach
    void clearFaults() {
        target.setFaults(Faults.none());
    }

    private ProbeResult run(String name) {
        return dispatcher.probe(config.probe(name).orElseThrow(), Clock.systemUTC());
    }

    @Test
    void theShippedProfileLoadsWithItsDefaults() {
        assertThat(config.probes()).extracting(ProbeSpec::name)
                .containsExactly("demo live", "demo ready", "demo health", "demo websocket heartbeat");
        ProbeSpec.Http live = (ProbeSpec.Http) config.probes().getFirst();
        assertThat(live.location()).isEqualTo("local");
        assertThat(live.method()).isEqualTo("GET");
        assertThat(live.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(live.followRedirects()).isEqualTo(3);
        assertThat(live.url()).hasToString("${HYPERCARE_TARGET}/api/health/live");
    }

    @Test
    void everyProbeSucceedsAgainstAHealthyTarget() {
        for (ProbeSpec spec : config.probes()) {
            ProbeResult result = dispatcher.probe(spec, Clock.systemUTC());
            assertThat(result.success()).as(result.toString()).isTrue();
            assertThat(result.reason()).isEqualTo(Reason.OK);
            assertThat(result.conditions()).allMatch(ConditionResult::ok);
            assertThat(result.probe()).isEqualTo(spec.name());
            assertThat(result.phases()).containsKey(Phase.DNS);
        }
        ProbeResult health = run("demo health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.phases()).containsKeys(Phase.PROCESSING, Phase.TRANSFER);
        assertThat(health.conditions()).hasSize(7);
        ProbeResult ws = run("demo websocket heartbeat");
        assertThat(ws.status()).isEqualTo(-1);
        assertThat(ws.conditions()).extracting(ConditionResult::resolved)
                .containsExactly("[BODY].type (\"heartbeat-ack\") == \"heartbeat-ack\"");
        assertThat(ws.phases()).containsKeys(Phase.CONNECT, Phase.PROCESSING);
    }

    @Test
    void anUnhealthyTargetFailsOnStatusWithTheResolvedValues() {
        target.setFaults(Faults.none().withOutage(Outage.UNHEALTHY));
        ProbeResult result = run("demo health");
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(Reason.STATUS);
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.failedConditions()).contains(
                "[STATUS] (503) == 200",
                "[BODY].status (\"DOWN\") == \"UP\"",
                "[BODY].components.database.status (\"DOWN\") == \"UP\"");
        assertThat(result.message()).startsWith("503 in ").contains("[STATUS] (503) == 200");
    }

    @Test
    void aDownTargetRefusesConnections() {
        target.setFaults(Faults.none().withOutage(Outage.DOWN));
        ProbeResult http = run("demo live");
        assertThat(http.reason()).isEqualTo(Reason.REFUSED);
        assertThat(http.success()).isFalse();
        assertThat(http.status()).isEqualTo(-1);
        ProbeResult ws = run("demo websocket heartbeat");
        assertThat(ws.reason()).isEqualTo(Reason.REFUSED);
    }

    @Test
    void latencyBeyondTheTimeoutIsATimeout() {
        target.setFaults(Faults.none().withLatency(new LatencyDistribution.Fixed(Duration.ofSeconds(2))));
        ProbeSpec spec = Specs.one(env, """
                kind: http
                url: ${HYPERCARE_TARGET}/api/health/live
                timeout: 300ms""");
        ProbeResult result = dispatcher.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(result.message()).as(result.toString()).isEqualTo("no response within the timeout of 300ms");
        assertThat(result.total()).isBetween(Duration.ofMillis(250), Duration.ofMillis(3500));
    }

    @Test
    void aReplyThatNeverMatchesTimesOutShowingTheLastReply() {
        ProbeSpec spec = Specs.one(env, """
                kind: websocket
                url: ${HYPERCARE_TARGET_WS}/ws
                timeout: 500ms
                send: 'hello'
                expect: '[BODY] == "never"'""");
        ProbeResult result = dispatcher.probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(result.message()).contains("no matching reply (last: [BODY] (\"hello\") == \"never\")");
    }
}
