package dev.hypercare.profile;

import dev.hypercare.testing.InvalidFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every fixture under profiles/invalid/ gets exactly its one-line message: file, line, field, expected, found. */
class InvalidProfilesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/profiles/invalid");

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("empty.yaml", ":1: expected a profile (a mapping with name, phases, http...), found an empty file"),
            Map.entry("unknown-field.yaml", ":7: http.userPerSecond: unknown field, expected one of usersPerSecond, concurrentUsers, startUsersPerSecond, journeys, apiCallsPerMember, readRatio, thinkTime, requestTimeout"),
            Map.entry("unknown-top-level-field.yaml", ":2: phase: unknown field, expected one of name, description, target, allowedTargets, phases, http, websocket, reconnectStorm, policy"),
            Map.entry("wrong-type-integer.yaml", ":7: websocket.connections: expected an integer, found 'many'"),
            Map.entry("wrong-type-number-as-string.yaml", ":5: http.usersPerSecond: expected a number, found '2'"),
            Map.entry("fractional-count.yaml", ":7: websocket.connections: expected an integer, found 2.5"),
            Map.entry("wrong-type-mapping.yaml", ":2: phases: expected a mapping, found '30s'"),
            Map.entry("negative-count.yaml", ":7: websocket.connections: expected an integer >= 0, found -20"),
            Map.entry("negative-rate.yaml", ":5: http.usersPerSecond: expected a number >= 0, found -5"),
            Map.entry("bad-duration.yaml", ":3: phases.rampUp: expected a duration like 500ms, 30s, 5m or 1h, found '5 minutes'"),
            Map.entry("duration-without-unit.yaml", ":3: phases.hold: expected a duration like 500ms, 30s, 5m or 1h, found 30"),
            Map.entry("zero-hold.yaml", ":3: phases.hold: expected a duration above 0, found 0s"),
            Map.entry("ramp-longer-than-run.yaml", ":9: websocket.rampUp: expected a ramp no longer than the run (35s = phases.rampUp + hold + rampDown), found 10m"),
            Map.entry("url-without-scheme.yaml", ":2: target: expected an absolute http(s) URL like https://shop.example.com, found 'shop.example.com'"),
            Map.entry("websocket-url-http-scheme.yaml", ":8: websocket.url: expected an absolute ws(s) URL like wss://shop.example.com/ws, found 'http://shop.example.com/ws'"),
            Map.entry("allowed-target-with-scheme.yaml", ":4: allowedTargets[1]: expected a host name like shop.example.com (no scheme, port or path), found 'https://shop.example.com'"),
            Map.entry("missing-hold.yaml", ":2: phases.hold: expected a duration like 500ms, 30s, 5m or 1h, found nothing"),
            Map.entry("missing-http.yaml", ":1: http: expected a mapping with usersPerSecond, found nothing"),
            Map.entry("think-time-inverted.yaml", ":7: http.thinkTime.min: expected at most http.thinkTime.max (1s), found 5s"),
            Map.entry("read-ratio-above-one.yaml", ":6: http.readRatio: expected a fraction between 0 and 1, found 1.5"),
            Map.entry("unknown-journey.yaml", ":8: http.journeys.shopper: unknown field, expected one of visitor, member, monitor"),
            Map.entry("bad-storm-trigger.yaml", ":9: reconnectStorm.trigger: expected one of target, client, found 'chaos'"),
            Map.entry("storm-without-sockets.yaml", ":6: reconnectStorm: expected websocket.connections above 0 for a storm to break, found 0 connections"),
            Map.entry("duplicate-key.yaml", ":4: phases.hold: expected each field once, found it twice"),
            Map.entry("not-yaml.yaml", ":3: expected valid YAML, found while parsing a flow sequence"),
            Map.entry("top-level-list.yaml", ":1: expected a mapping, found a list"),
            Map.entry("no-traffic.yaml", ":5: http.usersPerSecond: expected some traffic: http.usersPerSecond, http.concurrentUsers or websocket.connections above 0, found neither"),
            Map.entry("both-arrival-models.yaml", ":6: http.concurrentUsers: expected either http.usersPerSecond (open model) or http.concurrentUsers (closed model), found both"),
            Map.entry("missing-arrival-model.yaml", ":4: http.usersPerSecond: expected a number >= 0 (or http.concurrentUsers for a closed model), found nothing"),
            Map.entry("bad-name.yaml", ":1: name: expected a name of letters, digits, '.', '_' or '-', found 'my launch!'"));

    static Stream<Arguments> fixtures() {
        return InvalidFixtures.cases(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidProfileGetsItsExactOneLineMessage(String fixture, String expectedAfterFileName) {
        Path file = FIXTURES.resolve(fixture);
        InvalidFixtures.assertOneLineMessage(file, expectedAfterFileName, () -> ProfileLoader.load(file));
    }

    @Test
    void everyFixtureHasAnExpectedMessage() throws IOException {
        InvalidFixtures.assertEveryFixtureListed(FIXTURES, EXPECTED);
    }

    @Test
    void missingFileIsOneLine() {
        Path file = FIXTURES.resolve("no-such-profile.yaml");
        assertThatThrownBy(() -> ProfileLoader.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": expected a profile file, found no such file");
    }
}
