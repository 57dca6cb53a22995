package dev.hypercare.probe;

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

/** Every fixture under probes/invalid/ gets exactly its one-line message: file, line, field, expected, found. */
class InvalidProbesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/probes/invalid");
    /** The environment the fixtures are loaded with: the variables they mean to be unset are absent. */
    private static final Map<String, String> ENV = Map.of("HYPERCARE_TARGET", "http://127.0.0.1:1");

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("alert-bad-kind.yaml", ":7: alerts[0].kind: expected slack, pagerduty or webhook, found 'email'"),
            Map.entry("alert-bad-min-severity.yaml", ":9: alerts[0].minSeverity: expected one of P0, P1, P2, P3, found 'high'"),
            Map.entry("alert-url-env-unset.yaml", ":8: alerts[0].url: expected environment variable SLACK_WEBHOOK_UNSET to be set, found it unset"),
            Map.entry("alert-url-not-http.yaml", ":8: alerts[0].url: expected an absolute http or https URL like https://host/path or ${WEBHOOK_URL}, found something else (not shown: webhook URLs are secret)"),
            Map.entry("bad-service.yaml", ":1: service: expected a service name of letters, digits, '.', '_' and '-' (used in metrics and alert keys), found 'demo service'"),
            Map.entry("evaluation-unknown-field.yaml", ":2: evaluation.windw: unknown field, expected one of window, failuresToOpen, successesToResolve, maxConcurrent"),
            Map.entry("evaluation-window-too-short.yaml", ":2: evaluation.window: expected a duration from 1m to 24h, found '30s'"),
            Map.entry("failures-to-open-zero.yaml", ":2: evaluation.failuresToOpen: expected an integer from 1 to 100, found 0"),
            Map.entry("pagerduty-without-routing-key.yaml", ":6: alerts[0].routingKey: expected a routing key, e.g. ${PAGERDUTY_ROUTING_KEY}, found nothing"),
            Map.entry("slack-with-headers.yaml", ":9: alerts[0].headers: expected no headers on a slack channel, found headers"),
            Map.entry("bad-condition.yaml", ":6: probes[0].conditions[0]: expected '<placeholder> <op> <value>' with <op> one of ==, !=, <, <=, >, >=, found '[STATUS] = 200'"),
            Map.entry("bad-interval.yaml", ":5: probes[0].interval: expected a duration like 500ms, 30s, 5m or 1h, found '30 seconds'"),
            Map.entry("bad-kind.yaml", ":3: probes[0].kind: expected http, websocket or tls, found 'grpc'"),
            Map.entry("bad-severity.yaml", ":5: probes[0].severity: expected one of P0, P1, P2, P3, found 'P5'"),
            Map.entry("critical-not-below-warn.yaml", ":6: probes[0].criticalDays: expected an integer from 0 to below warnDays (7), found 7"),
            Map.entry("duplicate-name.yaml", ":5: probes[1].name: expected a name no other probe uses, found 'live'"),
            Map.entry("empty.yaml", ":1: expected probes (a mapping with a probes list), found an empty file"),
            Map.entry("expect-without-send.yaml", ":5: probes[0].expect: expected a send field too (expect awaits the reply to it), found no send"),
            Map.entry("field-of-another-kind.yaml", ":5: probes[0].conditions: expected no conditions on a tls probe, found a list"),
            Map.entry("malformed-placeholder.yaml", ":6: probes[0].headers.X-Api-Key: expected placeholders written ${NAME} with NAME of A-Z, 0-9 and _, found a malformed placeholder (value not shown: header values are secret)"),
            Map.entry("missing-env-var-in-url.yaml", ":4: probes[0].url: expected environment variable HYPERCARE_UNSET_TARGET to be set, found it unset"),
            Map.entry("missing-env-var.yaml", ":6: probes[0].headers.Authorization: expected environment variable PROBE_TOKEN_UNSET to be set, found it unset"),
            Map.entry("no-probes.yaml", ":1: probes: expected a list of at least one probe, found an empty list"),
            Map.entry("ordering-a-string.yaml", ":6: probes[0].conditions[0]: expected == or != to compare with \"UP\" (only numbers and durations are ordered), found '[BODY].status > \"UP\"'"),
            Map.entry("response-time-without-unit.yaml", ":6: probes[0].conditions[0]: expected a duration like 500ms to compare with [RESPONSE_TIME], found '[RESPONSE_TIME] < 500'"),
            Map.entry("restricted-header.yaml", ":6: probes[0].headers.Host: expected a header the client does not set itself (not Connection, Content-Length, Expect, Host or Upgrade), found 'Host'"),
            Map.entry("timeout-not-below-interval.yaml", ":6: probes[0].timeout: expected a timeout shorter than the interval (10s), found '10s'"),
            Map.entry("tls-without-port.yaml", ":4: probes[0].url: expected a port in a tls URL, like tls://host:443, found 'tls://127.0.0.1'"),
            Map.entry("too-many-redirects.yaml", ":5: probes[0].followRedirects: expected an integer from 0 to 10, found 11"),
            Map.entry("unknown-field.yaml", ":5: probes[0].timout: unknown field, expected one of name, kind, url, interval, timeout, location, severity, method, headers, conditions, maxBodyBytes, followRedirects, subprotocol, send, expect, warnDays, criticalDays"),
            Map.entry("unknown-placeholder.yaml", ":7: probes[0].conditions[1]: expected a placeholder, one of [STATUS], [RESPONSE_TIME], [BODY], [BODY].path or [CERTIFICATE_EXPIRATION], found '[STATUS_CODE] == 200'"),
            Map.entry("unquoted-condition.yaml", ":6: expected a condition in quotes like '[STATUS] == 200' (YAML reads a bare [ as a list), found [STATUS] == 200"),
            Map.entry("url-without-scheme.yaml", ":4: probes[0].url: expected an absolute URL like http://host:port/path, found '127.0.0.1:8080/api/health/live'"),
            Map.entry("wrong-scheme.yaml", ":4: probes[0].url: expected a URL with scheme ws or wss, found 'http://127.0.0.1:8080/ws'"));

    static Stream<Arguments> fixtures() {
        return InvalidFixtures.cases(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void invalidProbesGetTheirExactOneLineMessage(String fixture, String expectedAfterFileName) {
        Path file = FIXTURES.resolve(fixture);
        InvalidFixtures.assertOneLineMessage(file, expectedAfterFileName, () -> ProbeConfig.load(file, ENV));
    }

    @Test
    void everyFixtureHasAnExpectedMessage() throws IOException {
        InvalidFixtures.assertEveryFixtureListed(FIXTURES, EXPECTED);
    }

    @Test
    void missingFileIsOneLine() {
        Path file = FIXTURES.resolve("no-such-probes.yaml");
        assertThatThrownBy(() -> ProbeConfig.load(file, ENV))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": expected a probes file, found no such file");
    }

    @Test
    void aWebhookUrlIsNeverQuoted() {
        Path file = FIXTURES.resolve("alert-url-not-http.yaml");
        assertThatThrownBy(() -> ProbeConfig.load(file, ENV)).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aMalformedHeaderNeverShowsItsValue() {
        Path file = FIXTURES.resolve("malformed-placeholder.yaml");
        assertThatThrownBy(() -> ProbeConfig.load(file, ENV)).hasMessageNotContaining("s3cr3t");
    }
}
