package dev.hypercare.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SloPolicyTest {
    static final SloPolicy DEFAULT = SloPolicy.load(Path.of("profiles/slo.yaml"));

    @Test
    void shippedPolicyHoldsThePlaybooksLimits() {
        assertThat(DEFAULT.minSamples()).isEqualTo(100);
        assertThat(DEFAULT.evaluationStep()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULT.excludeRamps()).isTrue();
        assertThat(DEFAULT.thresholds()).extracting(Threshold::name).containsExactly(
                "http error rate", "http p95", "http p99", "availability", "throughput vs baseline", "p95 vs baseline",
                "auth failure rate", "websocket connect error rate", "websocket connections per pod",
                "probe availability", "probe error rate", "probe p95");
        assertThat(FindingJudge.limits(DEFAULT.threshold("http error rate").orElseThrow()))
                .isEqualTo("target < 0.5 %, warn > 1 %, critical > 5 %");
        assertThat(FindingJudge.limits(DEFAULT.threshold("http p95").orElseThrow()))
                .isEqualTo("target < 100 ms, warn > 200 ms, critical > 500 ms");
        assertThat(FindingJudge.limits(DEFAULT.threshold("availability").orElseThrow()))
                .isEqualTo("target >= 99.9 %, warn < 99.9 %, critical < 99.5 %");
        assertThat(DEFAULT.threshold("availability").orElseThrow().scope()).isEqualTo(new Scope.Request("health: combined"));
        assertThat(DEFAULT.threshold("http error rate").orElseThrow().level(Level.ROLLBACK).orElseThrow().sustained())
                .contains(Duration.ofMinutes(5));
        assertThat(DEFAULT.threshold("websocket connections per pod").orElseThrow().enabled()).isFalse();
        assertThat(DEFAULT.thresholds()).filteredOn(Threshold::key).extracting(Threshold::name)
                .containsExactly("http error rate", "http p95", "websocket connect error rate", "probe availability");
    }

    @Test
    void overridesReplaceTheNamedFieldsRemoveLevelsWrittenNoneAndAddNewThresholds() {
        SloPolicy changed = DEFAULT.withOverrides(Map.of(
                "minSamples", 50,
                "evaluationStep", "30s",
                "thresholds", Map.of(
                        "http p95", Map.of("warn", "> 300ms", "rollback", "none"),
                        "websocket connections per pod", Map.of("enabled", true, "warn", "> 25000", "critical", "> 35000"),
                        "login p95", Map.of("metric", "p95", "scope", "request:login", "critical", "> 2s", "minSamples", 20))));
        assertThat(changed.minSamples()).isEqualTo(50);
        assertThat(changed.evaluationStep()).isEqualTo(Duration.ofSeconds(30));
        Threshold p95 = changed.threshold("http p95").orElseThrow();
        assertThat(FindingJudge.limits(p95)).isEqualTo("target < 100 ms, warn > 300 ms, critical > 500 ms");
        assertThat(p95.level(Level.ROLLBACK)).isEmpty();
        assertThat(p95.key()).isTrue();
        assertThat(changed.threshold("websocket connections per pod").orElseThrow().enabled()).isTrue();
        Threshold login = changed.threshold("login p95").orElseThrow();
        assertThat(login.scope()).isEqualTo(new Scope.Request("login"));
        assertThat(login.minSamples()).isEqualTo(OptionalLong.of(20));
        assertThat(changed.thresholds().getLast()).isEqualTo(login);
        assertThat(DEFAULT.withOverrides(Map.of())).isSameAs(DEFAULT);
    }

    @Test
    void overridesAreCheckedAsStrictlyAsTheFileAndNameTheirOrigin() {
        assertThatThrownBy(() -> DEFAULT.withOverrides("profiles/mine.yaml",
                Map.of("thresholds", Map.of("http p95", Map.of("warn", "> 3%")))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("profiles/mine.yaml: policy.thresholds.http p95.warn: expected a latency in ms or s like '> 500ms' for p95, found '> 3%'");
        assertThatThrownBy(() -> DEFAULT.withOverrides("profiles/mine.yaml", Map.of("minSamples", "50")))
                .hasMessage("profiles/mine.yaml: policy.minSamples: expected an integer, found '50'");
        assertThatThrownBy(() -> DEFAULT.withOverrides("profiles/mine.yaml", Map.of("treshold", List.of())))
                .hasMessage("profiles/mine.yaml: policy.treshold: unknown field, expected one of minSamples, evaluationStep, excludeRamps, thresholds");
        assertThatThrownBy(() -> DEFAULT.withOverrides("profiles/mine.yaml",
                Map.of("thresholds", Map.of("login p95", Map.of("metric", "p95", "critical", "> 2s")))))
                .hasMessage("profiles/mine.yaml: policy.thresholds.login p95.scope: expected http, websocket, request:NAME, group:NAME, probe:NAME or probes, found nothing");
        assertThatThrownBy(() -> DEFAULT.withOverrides("profiles/mine.yaml",
                Map.of("thresholds", Map.of("http p95", Map.of("metric", "p99")))))
                .hasMessage("profiles/mine.yaml: policy.thresholds.http p95.metric: expected the threshold's own metric p95 (add a threshold under a new name to judge another), found 'p99'");
    }

    @Test
    void scopesReadBackAsWritten() {
        for (String written : List.of("http", "websocket", "request:health: combined", "group:checkout", "probe:ready")) {
            assertThat(Scope.parse(written).orElseThrow().written()).isEqualTo(written);
        }
        assertThat(Scope.parse("request:")).isEmpty();
        assertThat(Scope.parse("grpc")).isEmpty();
    }
}
