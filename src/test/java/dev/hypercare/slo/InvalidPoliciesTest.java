package dev.hypercare.slo;

import dev.hypercare.testing.InvalidFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture under slo/invalid/ gets exactly its one-line message: file, line, field, expected, found. */
class InvalidPoliciesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/slo/invalid");

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("bad-for-duration.yaml", ":6: thresholds[0].rollback: expected a duration like 500ms, 30s, 5m or 1h after 'for', found '> 10% for ever'"),
            Map.entry("bad-operator.yaml", ":6: thresholds[0].warn: expected a level '<op> <number>%' with <op> one of <, <=, >, >=, found '=> 1%'"),
            Map.entry("bad-scope.yaml", ":5: thresholds[0].scope: expected http, websocket, request:NAME, group:NAME, probe:NAME or probes, found 'requests:login'"),
            Map.entry("baseline-on-error-rate.yaml", ":6: thresholds[0].warn: expected an absolute level for error_rate (only throughput and latencies compare with a baseline), found '-10% vs baseline'"),
            Map.entry("count-with-unit.yaml", ":6: thresholds[0].warn: expected a plain count like '> 2500' for ws_connections, found '> 2500/s'"),
            Map.entry("critical-milder-than-warn.yaml", ":7: thresholds[0].critical: expected a critical level at or beyond warn ('> 500ms'), found '> 200ms'"),
            Map.entry("duplicate-name.yaml", ":7: thresholds[1].name: expected a name no other threshold uses, found 'http p95'"),
            Map.entry("empty.yaml", ":1: expected an SLO policy (a mapping with version, thresholds...), found an empty file"),
            Map.entry("for-on-warn.yaml", ":6: thresholds[0].warn: expected no 'for' on warn (only rollback and escalate hold over time), found '> 1% for 5m'"),
            Map.entry("latency-without-unit.yaml", ":6: thresholds[0].warn: expected a latency in ms or s like '> 500ms' for p95, found '> 200'"),
            Map.entry("level-not-a-string.yaml", ":6: thresholds[0].warn: expected a level in quotes like '> 500ms', found 200"),
            Map.entry("missing-scope.yaml", ":3: thresholds[0].scope: expected http, websocket, request:NAME, group:NAME, probe:NAME or probes, found nothing"),
            Map.entry("mixed-baseline.yaml", ":7: thresholds[0].critical: expected a level against the baseline like warn ('-10% vs baseline'); a threshold does not mix the two, found '< 20/s'"),
            Map.entry("negative-value.yaml", ":6: thresholds[0].warn: expected a value >= 0, found '> -5ms'"),
            Map.entry("no-levels.yaml", ":3: thresholds[0]: expected at least one of target, warn, critical, rollback or escalate, found none"),
            Map.entry("no-thresholds.yaml", ":1: thresholds: expected a list of at least one threshold, found nothing"),
            Map.entry("percent-above-100.yaml", ":6: thresholds[0].critical: expected a percentage between 0% and 100%, found '> 150%'"),
            Map.entry("unknown-field.yaml", ":7: thresholds[0].critcal: unknown field, expected one of name, metric, scope, key, enabled, target, warn, critical, rollback, escalate, minSamples"),
            Map.entry("unknown-metric.yaml", ":4: thresholds[0].metric: expected one of error_rate, p50, p95, p99, max, throughput, ws_connect_error_rate, auth_failure_rate, availability, ws_connections, found 'p90'"),
            Map.entry("unquoted-greater-than.yaml", ":6: warn: expected a level in quotes like \"> 1%\" (YAML reads a bare > as a folded block), found > 200ms"),
            Map.entry("wrong-unit.yaml", ":6: thresholds[0].warn: expected a percentage like '> 1%' for error_rate, found '> 200ms'"),
            Map.entry("wrong-version.yaml", ":1: version: expected 1, found 2"),
            Map.entry("zero-evaluation-step.yaml", ":2: evaluationStep: expected a duration above 0, found 0s"),
            Map.entry("zero-min-samples.yaml", ":7: thresholds[0].minSamples: expected an integer >= 1, found 0"));

    static Stream<Arguments> fixtures() {
        return InvalidFixtures.cases(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidPolicyGetsItsExactOneLineMessage(String fixture, String expectedAfterFileName) {
        Path file = FIXTURES.resolve(fixture);
        InvalidFixtures.assertOneLineMessage(file, expectedAfterFileName, () -> SloPolicy.load(file));
    }

    @Test
    void everyFixtureHasAnExpectedMessage() throws IOException {
        InvalidFixtures.assertEveryFixtureListed(FIXTURES, EXPECTED);
    }

    @Test
    void missingFileIsOneLine() {
        Path file = FIXTURES.resolve("no-such-policy.yaml");
        assertThatThrownBy(() -> SloPolicy.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": expected an SLO policy file, found no such file");
    }
}
