package dev.hypercare.metrics;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.incident.TimelineEntry;
import dev.hypercare.probe.CertificateStatus;
import dev.hypercare.probe.ConditionResult;
import dev.hypercare.probe.Phase;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import dev.hypercare.probe.WindowStats;
import dev.hypercare.runner.ProbeStatus;
import dev.hypercare.runner.RunnerStatus;
import dev.hypercare.slo.BurnRateRule;
import dev.hypercare.slo.BurnRateStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Probe results and runner snapshots built by hand, as the runner would hand them over. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String HOSTILE = "<script>alert('x')</script> & \"more\"";

    private Fixtures() {}

    static ProbeResult ok(String probe, Instant start, long totalMillis) {
        return new ProbeResult(probe, "eu-west", start, true, 200, Reason.OK, Duration.ofMillis(totalMillis),
                Map.of(Phase.DNS, Duration.ofMillis(2), Phase.PROCESSING, Duration.ofMillis(totalMillis - 7),
                        Phase.TRANSFER, Duration.ofMillis(5)),
                List.of(new ConditionResult("[STATUS] == 200", true, "[STATUS] (200) == 200")),
                Optional.empty(), "");
    }

    static ProbeResult status503(String probe, Instant start, long totalMillis) {
        return new ProbeResult(probe, "eu-west", start, false, 503, Reason.STATUS, Duration.ofMillis(totalMillis),
                Map.of(Phase.DNS, Duration.ofMillis(1), Phase.PROCESSING, Duration.ofMillis(totalMillis - 3),
                        Phase.TRANSFER, Duration.ofMillis(2)),
                List.of(new ConditionResult("[STATUS] == 200", false, "[STATUS] (503) == 200")),
                Optional.empty(), "service unavailable");
    }

    /** No response at all: no status, only the DNS phase measured. */
    static ProbeResult timeout(String probe, Instant start, String message) {
        return new ProbeResult(probe, "eu-west", start, false, -1, Reason.TIMEOUT, Duration.ofSeconds(2),
                Map.of(Phase.DNS, Duration.ofMillis(3)), List.of(), Optional.empty(), message);
    }

    static ProbeResult tls(String probe, Instant start, long daysLeft) {
        Instant notAfter = start.plus(Duration.ofDays(daysLeft)).plusSeconds(3_600);
        return new ProbeResult(probe, "eu-west", start, true, -1, Reason.OK, Duration.ofMillis(40),
                Map.of(Phase.CONNECT, Duration.ofMillis(10), Phase.TLS, Duration.ofMillis(30)), List.of(),
                Optional.of(new CertificateStatus("CN=demo", notAfter, daysLeft, CertificateStatus.Expiry.OK, true)), "");
    }

    static WindowStats window(Duration window, long samples, long failures, double p95Millis) {
        if (samples == 0) {
            return new WindowStats(window, 0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double errorRate = (double) failures / samples;
        return new WindowStats(window, samples, failures, 1 - errorRate, errorRate, p95Millis);
    }

    static ProbeStatus probe(String name, String kind, boolean up, Optional<ProbeResult> last, List<WindowStats> windows) {
        return new ProbeStatus(name, kind, "eu-west", Severity.P1, up, last, windows);
    }

    static Incident incident(String id, Severity severity, String title) {
        Instant opened = T0.minus(Duration.ofMinutes(7));
        return new Incident(id, "probe:" + id, title, severity, 1, opened, Optional.empty(), List.of(
                new TimelineEntry(opened, "opened", title),
                new TimelineEntry(opened.plus(Duration.ofMinutes(5)), "escalated", "outage over 5m: hypercare lead")));
    }

    static BurnRateStatus burn(String rule, double longBurn, double shortBurn, boolean firing) {
        return new BurnRateStatus(new BurnRateRule(rule, 14.4, Duration.ofHours(1), Duration.ofMinutes(5), true),
                longBurn, shortBurn, 120, 10, firing, firing ? "burning 14.4x the budget over 1h and 5m" : "");
    }

    static RunnerStatus status(ServiceState state, List<String> reasons, List<ProbeStatus> probes, List<Incident> incidents,
                               List<BurnRateStatus> burnRates) {
        return new RunnerStatus(T0, T0.minus(Duration.ofMinutes(7)), "demo", state, reasons,
                List.of(window(Duration.ofMinutes(5), 20, 2, 180), window(Duration.ofDays(7), 0, 0, 0)),
                burnRates, probes, incidents);
    }

    /** A snapshot with two probes: api (down, last result 503) and cert (up, tls), one P1 incident, one burn-rate rule. */
    static RunnerStatus degraded() {
        ProbeResult apiLast = status503("api", T0.minusSeconds(10), 120);
        return status(ServiceState.CRITICAL, List.of("api failing: status", "incident INC-1 open (P1)"),
                List.of(probe("api", "http", false, Optional.of(apiLast),
                                List.of(window(Duration.ofMinutes(5), 10, 2, 150), window(Duration.ofHours(1), 0, 0, 0))),
                        probe("cert", "tls", true, Optional.of(tls("cert", T0.minusSeconds(20), 30)),
                                List.of(window(Duration.ofMinutes(5), 10, 0, 40)))),
                List.of(incident("INC-1", Severity.P1, "api failing: status")),
                List.of(burn("page-fast", 16.5, Double.NaN, false)));
    }
}
