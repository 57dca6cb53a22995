package dev.hypercare.profile;

import dev.hypercare.DurationText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLoaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"smoke", "realistic", "optimistic", "worst-case"})
    void shippedProfilesLoad(String name) {
        TrafficProfile profile = ProfileLoader.load(Path.of("profiles", name + ".yaml"));
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.http().usersPerSecond()).isPositive();
        assertThat(profile.websocket().connections()).isPositive();
    }

    @Test
    void smokeMatchesTheDesign() {
        TrafficProfile smoke = ProfileLoader.load(Path.of("profiles/smoke.yaml"));
        assertThat(smoke.phases().runLength()).isEqualTo(Duration.ofSeconds(30));
        assertThat(smoke.websocket().connections()).isEqualTo(20);
        assertThat(smoke.websocket().rampUp()).as("defaults to the run's ramp-up").isEqualTo(Duration.ofSeconds(5));
        assertThat(smoke.targetUrl()).isEmpty();
        assertThat(smoke.http().readRatio()).isEqualTo(0.8);
    }

    @ParameterizedTest(name = "{0}: {1}-{2} users in flight")
    @org.junit.jupiter.params.provider.CsvSource({
        "smoke, 18, 22", "realistic, 10000, 15000", "optimistic, 25000, 30000", "worst-case, 50000, 55000"})
    void shippedProfilesPutThePlaybooksUsersInFlight(String name, double low, double high) {
        TrafficProfile profile = ProfileLoader.load(Path.of("profiles", name + ".yaml"));
        assertThat(profile.http().usersInFlight()).isBetween(low, high);
    }

    @Test
    void worstCaseStormsHalfwayThroughTheHold() {
        TrafficProfile worst = ProfileLoader.load(Path.of("profiles/worst-case.yaml"));
        ReconnectStorm storm = worst.storm().orElseThrow();
        assertThat(storm.trigger()).isEqualTo(StormTrigger.target);
        assertThat(storm.offset(worst.phases())).isEqualTo(Duration.ofSeconds(60 + 300));
        assertThat(storm.offset(worst.withHold(Duration.ofSeconds(20)).phases())).isEqualTo(Duration.ofSeconds(70));
    }

    @Test
    void scaleMultipliesRatesAndConnectionsButKeepsAtLeastOneSocket() {
        TrafficProfile realistic = ProfileLoader.load(Path.of("profiles/realistic.yaml"));
        TrafficProfile scaled = realistic.scaled(0.01);
        assertThat(scaled.http().usersPerSecond()).isCloseTo(16.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scaled.websocket().connections()).isEqualTo(150);
        assertThat(realistic.scaled(0.00001).websocket().connections()).isEqualTo(1);
        assertThat(scaled.phases()).isEqualTo(realistic.phases());
    }

    @Test
    void durationOverrideReplacesOnlyTheHold() {
        TrafficProfile smoke = ProfileLoader.load(Path.of("profiles/smoke.yaml")).withHold(Duration.ofSeconds(10));
        assertThat(smoke.phases().rampUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(smoke.phases().hold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(smoke.phases().runLength()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void overrideThatBreaksARuleIsReportedWithItsOrigin() {
        TrafficProfile profile = ProfileLoader.parse("inline.yaml", """
                name: long-ramp
                phases: {rampUp: 5s, hold: 60s}
                http: {usersPerSecond: 1}
                websocket: {connections: 5, rampUp: 50s}
                """);
        assertThatThrownBy(() -> ProfileLoader.revalidate(profile.withHold(Duration.ofSeconds(10)), "profile 'long-ramp' with --duration 10s"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("profile 'long-ramp' with --duration 10s: websocket.rampUp: expected a ramp no longer than the run"
                        + " (15s = phases.rampUp + hold + rampDown), found 50s");
    }

    @Test
    void resolvedProfileRoundTripsThroughItsYaml(@TempDir Path dir) throws Exception {
        TrafficProfile original = ProfileLoader.load(Path.of("profiles/worst-case.yaml"))
                .scaled(0.001)
                .withHold(Duration.ofSeconds(20))
                .targeting(URI.create("http://127.0.0.1:8080"), URI.create("ws://127.0.0.1:8081/ws"));
        Path file = dir.resolve("profile.yaml");
        ProfileLoader.write(original, file);
        assertThat(ProfileLoader.load(file)).isEqualTo(original);
    }

    @Test
    void webSocketUrlFollowsTheTargetsSchemeAndHost() {
        WebSocketTraffic ws = ProfileLoader.load(Path.of("profiles/smoke.yaml")).websocket();
        assertThat(ws.resolveUrl(URI.create("https://shop.example.com"))).isEqualTo(URI.create("wss://shop.example.com/ws"));
        assertThat(ws.resolveUrl(URI.create("http://127.0.0.1:9000/app"))).isEqualTo(URI.create("ws://127.0.0.1:9000/ws"));
    }

    @Test
    void durationsParseAndFormatTheDocumentedForms() {
        assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationText.parse("1.5m")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("2h")).contains(Duration.ofHours(2));
        assertThat(DurationText.parse("-5s")).isEmpty();
        assertThat(DurationText.parse("5 s")).isEmpty();
        assertThat(DurationText.format(Duration.ofSeconds(300))).isEqualTo("5m");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void backoffGrowsToItsCapAndJitterOnlyShortens() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5);
        assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(3, 0)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delay(10, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(10, 0.999)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
