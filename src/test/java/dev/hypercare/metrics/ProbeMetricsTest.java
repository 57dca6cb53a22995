package dev.hypercare.metrics;

import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import dev.hypercare.runner.RunnerStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.hypercare.metrics.Fixtures.T0;
import static dev.hypercare.metrics.MetricNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProbeMetricsTest {
    private ProbeMetrics metrics;

    @BeforeEach
    void setUp() {
        // a clash of label sets (one name, two sets of keys) fails the test instead of being logged
        metrics = new ProbeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).throwExceptionOnRegistrationFailure());
    }

    private Exposition scrape() {
        return Exposition.parse(metrics.scrape());
    }

    @Test
    void lastResultGaugesShowTheNewestResultInBlackboxTerms() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 80));
        metrics.record(Fixtures.status503("api", T0.minusSeconds(20), 120));

        var e = scrape();
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api", LOCATION, "eu-west")).contains(0.0);
        assertThat(e.value(PROBE_DURATION, PROBE, "api", LOCATION, "eu-west")).contains(0.120);
        assertThat(e.value(PROBE_HTTP_STATUS, PROBE, "api")).contains(503.0);
        assertThat(e.value(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "dns")).contains(0.001);
        assertThat(e.value(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "processing")).contains(0.117);
        assertThat(e.value(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "transfer")).contains(0.002);
        assertThat(e.series(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "tls")).as("never measured, never exposed").isEmpty();
        assertThat(e.types()).containsEntry(PROBE_SUCCESS, "gauge").containsEntry(PROBE_DURATION, "gauge");
    }

    @Test
    void aPhaseTheLastResultDidNotReachReadsNaNAndAMissingStatusReadsZero() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 80));
        metrics.record(Fixtures.timeout("api", T0.minusSeconds(20), "no response within 2s"));

        var e = scrape();
        assertThat(e.value(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "dns")).contains(0.003);
        assertThat(e.value(PROBE_PHASE_DURATION, PROBE, "api", PHASE, "transfer")).hasValueSatisfying(v -> assertThat(v).isNaN());
        assertThat(e.value(PROBE_HTTP_STATUS, PROBE, "api")).contains(0.0);
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api")).contains(0.0);
    }

    @Test
    void resultsAreCountedByReasonWithEveryReasonPresentFromTheStart() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(40), 80));
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 90));
        metrics.record(Fixtures.status503("api", T0.minusSeconds(20), 120));
        metrics.record(Fixtures.timeout("api", T0.minusSeconds(10), "slow"));

        var e = scrape();
        String total = RESULTS + "_total";
        assertThat(e.types()).containsEntry(total, "counter");
        assertThat(e.value(total, PROBE, "api", LOCATION, "eu-west", REASON, "ok")).contains(2.0);
        assertThat(e.value(total, PROBE, "api", REASON, "status")).contains(1.0);
        assertThat(e.value(total, PROBE, "api", REASON, "timeout")).contains(1.0);
        assertThat(e.value(total, PROBE, "api", REASON, "refused")).contains(0.0);
        assertThat(e.series(total, PROBE, "api")).hasSize(Reason.values().length);
    }

    @Test
    void durationsGoIntoAHistogramWithBucketsAtThePolicyLimits() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 80));
        metrics.record(Fixtures.status503("api", T0.minusSeconds(20), 150));
        metrics.record(Fixtures.timeout("api", T0.minusSeconds(10), "slow")); // 2 s

        var e = scrape();
        String h = DURATION_HISTOGRAM + "_seconds";
        assertThat(e.types()).containsEntry(h, "histogram");
        assertThat(e.value(h + "_count", PROBE, "api")).contains(3.0);
        assertThat(e.value(h + "_sum", PROBE, "api")).hasValueSatisfying(v -> assertThat(v).isCloseTo(2.23, within(1e-9)));
        assertThat(e.value(h + "_bucket", PROBE, "api", "le", "0.1")).contains(1.0);
        assertThat(e.value(h + "_bucket", PROBE, "api", "le", "0.2")).contains(2.0);
        assertThat(e.value(h + "_bucket", PROBE, "api", "le", "0.5")).contains(2.0);
        assertThat(e.value(h + "_bucket", PROBE, "api", "le", "2.5")).contains(3.0);
        assertThat(e.value(h + "_bucket", PROBE, "api", "le", "+Inf")).contains(3.0);
    }

    @Test
    void certificateGaugesFollowTheLastTlsResult() {
        ProbeResult tls = Fixtures.tls("cert", T0, 30);
        metrics.record(tls);

        var e = scrape();
        assertThat(e.value(TLS_DAYS_LEFT, PROBE, "cert")).contains(30.0);
        assertThat(e.value(PROBE_CERT_EXPIRY, PROBE, "cert")).contains((double) tls.certificate().orElseThrow().notAfter().getEpochSecond());
        assertThat(e.series(PROBE_HTTP_STATUS, PROBE, "cert")).as("a tls probe has no HTTP status").isEmpty();

        metrics.record(Fixtures.timeout("cert", T0.plusSeconds(60), "handshake timed out"));
        assertThat(scrape().value(TLS_DAYS_LEFT, PROBE, "cert")).hasValueSatisfying(v -> assertThat(v).isNaN());
    }

    @Test
    void anOlderLastResultInASnapshotDoesNotHideANewerRecordedOne() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(5), 80));
        var older = Fixtures.status503("api", T0.minusSeconds(10), 120);
        metrics.update(Fixtures.status(ServiceState.OK, List.of(),
                List.of(Fixtures.probe("api", "http", true, Optional.of(older), List.of())), List.of(), List.of()));

        var e = scrape();
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api")).contains(1.0);
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "status")).as("a snapshot counts nothing").contains(0.0);
    }

    @Test
    void aSnapshotAloneShowsEachProbesLastResult() {
        metrics.update(Fixtures.degraded());

        var e = scrape();
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api")).contains(0.0);
        assertThat(e.value(PROBE_HTTP_STATUS, PROBE, "api")).contains(503.0);
        assertThat(e.value(TLS_DAYS_LEFT, PROBE, "cert")).contains(30.0);
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "status")).contains(0.0);
    }

    @Test
    void snapshotGaugesShowStateWindowsBurnRatesAndIncidents() {
        metrics.update(Fixtures.degraded());

        var e = scrape();
        for (ServiceState state : ServiceState.values()) {
            assertThat(e.value(SERVICE_STATE, SERVICE, "demo", STATE, state.name()))
                    .contains(state == ServiceState.CRITICAL ? 1.0 : 0.0);
        }
        assertThat(e.value(STATUS_TIME, SERVICE, "demo")).contains((double) T0.getEpochSecond());
        assertThat(e.value(SERVICE_AVAILABILITY, SERVICE, "demo", WINDOW, "5m")).contains(0.9);
        assertThat(e.value(SERVICE_ERROR_RATE, SERVICE, "demo", WINDOW, "5m")).contains(0.1);
        assertThat(e.value(SERVICE_P95, SERVICE, "demo", WINDOW, "5m")).contains(0.18);
        assertThat(e.value(SERVICE_SAMPLES, SERVICE, "demo", WINDOW, "7d")).contains(0.0);

        assertThat(e.value(PROBE_UP, PROBE, "api", LOCATION, "eu-west")).contains(0.0);
        assertThat(e.value(PROBE_UP, PROBE, "cert")).contains(1.0);
        assertThat(e.value(PROBE_AVAILABILITY, PROBE, "api", WINDOW, "5m")).contains(0.8);
        assertThat(e.value(PROBE_ERROR_RATE, PROBE, "api", WINDOW, "5m")).contains(0.2);
        assertThat(e.value(PROBE_P95, PROBE, "api", WINDOW, "5m")).contains(0.15);
        assertThat(e.value(PROBE_SAMPLES, PROBE, "api", WINDOW, "5m")).contains(10.0);

        assertThat(e.value(BURN_RATE, SERVICE, "demo", RULE, "page-fast", WINDOW, "1h")).contains(16.5);
        assertThat(e.value(BURN_RATE_FIRING, SERVICE, "demo", RULE, "page-fast")).contains(0.0);

        assertThat(e.value(OPEN_INCIDENTS, SERVICE, "demo", SEVERITY, "P1")).contains(1.0);
        for (Severity other : List.of(Severity.P0, Severity.P2, Severity.P3)) {
            assertThat(e.value(OPEN_INCIDENTS, SEVERITY, other.name())).contains(0.0);
        }
    }

    @Test
    void aValueThatDoesNotExistIsNoSeriesAtAllRatherThanNaN() {
        metrics.update(Fixtures.degraded());

        var e = scrape();
        // the 7d service window and the api's 1h window have no samples; the burn rate's short window is NaN
        assertThat(e.value(SERVICE_SAMPLES, WINDOW, "7d")).contains(0.0);
        assertThat(e.series(SERVICE_AVAILABILITY, WINDOW, "7d")).isEmpty();
        assertThat(e.series(SERVICE_P95, WINDOW, "7d")).isEmpty();
        assertThat(e.value(PROBE_SAMPLES, PROBE, "api", WINDOW, "1h")).contains(0.0);
        assertThat(e.series(PROBE_AVAILABILITY, PROBE, "api", WINDOW, "1h")).isEmpty();
        assertThat(e.series(PROBE_ERROR_RATE, PROBE, "api", WINDOW, "1h")).isEmpty();
        assertThat(e.series(BURN_RATE, RULE, "page-fast", WINDOW, "5m")).isEmpty();
    }

    @Test
    void aProbeGoneFromTheSnapshotLeavesNoSeriesBehind() {
        metrics.record(Fixtures.ok("api", T0.minusSeconds(30), 80));
        metrics.record(Fixtures.ok("old", T0.minusSeconds(30), 80));
        metrics.update(Fixtures.degraded()); // api and cert, not old
        var before = scrape();
        assertThat(before.withLabel(PROBE, "old")).as("recorded, then left out of the snapshot").isEmpty();
        assertThat(before.withLabel(PROBE, "cert")).isNotEmpty();

        RunnerStatus withoutCert = Fixtures.status(ServiceState.OK, List.of(),
                List.of(Fixtures.degraded().probes().getFirst()), List.of(), List.of());
        metrics.update(withoutCert);

        var after = scrape();
        assertThat(after.withLabel(PROBE, "cert")).isEmpty();
        assertThat(after.series(PROBE_UP, PROBE, "api")).hasSize(1);
        assertThat(after.series(RESULTS + "_total", PROBE, "api")).hasSize(Reason.values().length);
    }

    @Test
    void aProbeThatComesBackStartsCountingAgainFromZero() {
        metrics.record(Fixtures.status503("api", T0.minusSeconds(30), 80));
        metrics.update(Fixtures.status(ServiceState.OK, List.of(), List.of(), List.of(), List.of()));
        metrics.record(Fixtures.ok("api", T0.minusSeconds(20), 80));

        var e = scrape();
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "status")).contains(0.0);
        assertThat(e.value(RESULTS + "_total", PROBE, "api", REASON, "ok")).contains(1.0);
        assertThat(e.value(PROBE_SUCCESS, PROBE, "api")).contains(1.0);
    }

    @Test
    void stateIncidentsAndBurnRatesFollowTheLatestSnapshot() {
        metrics.update(Fixtures.degraded());
        RunnerStatus recovered = Fixtures.status(ServiceState.OK, List.of(), Fixtures.degraded().probes(), List.of(),
                List.of(Fixtures.burn("page-fast", 0.4, 0.2, false)));
        metrics.update(recovered);

        var e = scrape();
        assertThat(e.value(SERVICE_STATE, STATE, "OK")).contains(1.0);
        assertThat(e.value(SERVICE_STATE, STATE, "CRITICAL")).contains(0.0);
        assertThat(e.series(SERVICE_STATE).stream().mapToDouble(Exposition.Sample::value).sum()).isEqualTo(1.0);
        assertThat(e.value(OPEN_INCIDENTS, SEVERITY, "P1")).contains(0.0);
        assertThat(e.value(BURN_RATE, RULE, "page-fast", WINDOW, "1h")).contains(0.4);
        assertThat(e.value(BURN_RATE, RULE, "page-fast", WINDOW, "5m")).contains(0.2);

        metrics.update(Fixtures.status(ServiceState.OK, List.of(), List.of(), List.of(), List.of()));
        assertThat(scrape().series(BURN_RATE)).as("a rule gone from the snapshot").isEmpty();
    }

    @Test
    void hostileProbeNamesAreEscapedInLabels() {
        metrics.record(Fixtures.ok("a \"quoted\"\\ name\nwith a newline", T0, 80));

        assertThat(scrape().value(PROBE_SUCCESS, PROBE, "a \"quoted\"\\ name\nwith a newline")).contains(1.0);
    }

    @Test
    void recordingFromManyThreadsLosesNoResult() throws Exception {
        int threads = 4, perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // several probes, so first registrations race too
                        String probe = "p" + (i % 5);
                        var start = T0.plus(Duration.ofMillis((long) thread * perThread + i));
                        metrics.record(i % 10 == 0 ? Fixtures.timeout(probe, start, "slow") : Fixtures.ok(probe, start, 50));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        var e = scrape();
        double ok = e.series(RESULTS + "_total", REASON, "ok").stream().mapToDouble(Exposition.Sample::value).sum();
        double timeouts = e.series(RESULTS + "_total", REASON, "timeout").stream().mapToDouble(Exposition.Sample::value).sum();
        assertThat(ok).isEqualTo(threads * perThread * 0.9);
        assertThat(timeouts).isEqualTo(threads * perThread * 0.1);
        assertThat(e.series(PROBE_SUCCESS)).hasSize(5);
        assertThat(e.series(PROBE_PHASE_DURATION, PROBE, "p0", PHASE, "dns")).hasSize(1);
    }
}
