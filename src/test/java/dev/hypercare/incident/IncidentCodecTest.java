package dev.hypercare.incident;

import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentCodecTest {
    private static final Incident OPEN = new Incident("INC-20261122-003", "probe:demo live", "demo live failing: refused", Severity.P0, 2,
            T0, Optional.empty(), List.of(
                    new TimelineEntry(T0.plusSeconds(30), "opened", "P1, level 0 (on-call engineer): 3 consecutive failures"),
                    new TimelineEntry(T0.plus(Duration.ofMinutes(5)), "raised", "P0 (was P1): outage over 5m, down 5m"),
                    new TimelineEntry(T0.plus(Duration.ofMinutes(30)), "escalated", "level 2 (engineering manager): P0 unresolved for 30m")));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOpenIncidentRoundTrips() {
        assertThat(IncidentCodec.decodeIncident(IncidentCodec.encode(OPEN))).isEqualTo(OPEN);
        assertThat(new String(IncidentCodec.encode(OPEN), StandardCharsets.UTF_8)).contains("\"resolved\":null", "\"v\":1");
    }

    @Test
    void aResolvedIncidentRoundTripsWithItsResolution() {
        Incident resolved = new Incident("INC-20261122-004", "rule:http error rate/rollback", "rollback recommended: http error rate > 10 % for 5m",
                Severity.P0, 3, T0, Optional.of(T0.plusMillis(61_234)), List.of(new TimelineEntry(T0, "opened", "P0 — ü, \"quoted\"")));
        Incident back = IncidentCodec.decodeIncident(IncidentCodec.encode(resolved));
        assertThat(back).isEqualTo(resolved);
        assertThat(back.resolved()).contains(T0.plusMillis(61_234));
    }

    @Test
    void theBookSnapshotsRoundTrip() {
        IncidentBook book = new IncidentBook(IncidentRules.DEFAULTS);
        book.probe(new ProbeTransition.Down("api", Severity.P1, T0, T0.plusSeconds(30), 3, dev.hypercare.probe.Reason.TIMEOUT, "no answer in 2s"));
        for (IncidentChange c : book.tick(T0.plus(Duration.ofMinutes(20)))) {
            assertThat(IncidentCodec.decodeIncident(IncidentCodec.encode(c.incident()))).isEqualTo(c.incident());
        }
    }

    @Test
    void aStateChangeRoundTrips() {
        StateChange change = new StateChange(T0, ServiceState.DEGRADED, ServiceState.ROLLBACK_RECOMMENDED,
                List.of("probe error rate: error_rate > 10 % for 5m held 6m: roll back", "INC-20261122-003 (P0): demo live failing: refused"));
        assertThat(IncidentCodec.decodeState(IncidentCodec.encode(change))).isEqualTo(change);
        StateChange quiet = new StateChange(T0, ServiceState.CRITICAL, ServiceState.OK, List.of());
        assertThat(IncidentCodec.decodeState(IncidentCodec.encode(quiet))).isEqualTo(quiet);
    }

    @Test
    void theFormatOnDiskIsStable() {
        StateChange change = new StateChange(T0, ServiceState.OK, ServiceState.DEGRADED, List.of("x"));
        assertThat(new String(IncidentCodec.encode(change), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"time\":\"2026-11-22T10:00:00Z\",\"from\":\"OK\",\"to\":\"DEGRADED\",\"reasons\":[\"x\"]}");
        assertThat(IncidentCodec.decodeIncident(utf8("""
                {"v":1,"id":"INC-20261122-001","key":"probe:a","title":"a failing: dns","severity":"P2","escalation":0,
                 "opened":"2026-11-22T10:00:00Z","resolved":"2026-11-22T10:05:00Z",
                 "timeline":[{"time":"2026-11-22T10:00:30Z","event":"opened","text":"P2"}]}
                """))).isEqualTo(new Incident("INC-20261122-001", "probe:a", "a failing: dns", Severity.P2, 0, T0,
                Optional.of(T0.plus(Duration.ofMinutes(5))), List.of(new TimelineEntry(T0.plusSeconds(30), "opened", "P2"))));
    }

    @Test
    void badPayloadsNameTheProblem() {
        assertThatThrownBy(() -> IncidentCodec.decodeIncident(utf8("{\"v\":2}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal incident entry: expected format version 1, found 2");
        assertThatThrownBy(() -> IncidentCodec.decodeIncident(utf8("{not json")))
                .hasMessage("journal incident entry: expected JSON, found unreadable bytes");
        assertThatThrownBy(() -> IncidentCodec.decodeIncident(utf8("{\"v\":1,\"id\":\"INC-1\",\"key\":\"k\",\"title\":\"t\",\"severity\":\"P9\"}")))
                .hasMessage("journal incident entry: severity: expected one of P0, P1, P2, P3, found P9");
        assertThatThrownBy(() -> IncidentCodec.decodeIncident(utf8("{\"v\":1,\"id\":\"INC-1\"}")))
                .hasMessage("journal incident entry: key: expected text, found nothing");
        assertThatThrownBy(() -> IncidentCodec.decodeState(utf8("{\"v\":1,\"time\":\"yesterday\",\"from\":\"OK\",\"to\":\"OK\"}")))
                .hasMessage("journal state entry: time: expected an instant like 2026-11-22T10:00:00Z, found yesterday");
        assertThatThrownBy(() -> IncidentCodec.decodeState(utf8("{\"v\":1,\"time\":\"2026-11-22T10:00:00Z\",\"from\":\"OK\",\"to\":\"ON_FIRE\"}")))
                .hasMessage("journal state entry: to: expected one of OK, DEGRADED, CRITICAL, ROLLBACK_RECOMMENDED, found ON_FIRE");
    }
}
