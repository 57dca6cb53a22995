package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.alert.ChannelSpec;
import dev.hypercare.incident.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sections around the probes: service name, evaluation settings and alert channels. */
class ProbeConfigSectionsTest {
    private static final String PROBE = """
            probes:
              - name: live
                kind: http
                url: http://127.0.0.1:8080/api/health/live
            """;

    @Test
    void defaultsApplyWhenSectionsAreAbsent() {
        ProbeConfig config = ProbeConfig.parse("p.yaml", PROBE, Map.of());
        assertThat(config.service()).isEqualTo("service");
        assertThat(config.evaluation()).isEqualTo(new Evaluation(Duration.ofMinutes(5), 3, 2, 64));
        assertThat(config.alerts()).isEmpty();
    }

    @Test
    void everySectionIsRead() {
        String yaml = """
                service: checkout-api
                evaluation:
                  window: 15m
                  failuresToOpen: 4
                  successesToResolve: 3
                  maxConcurrent: 8
                """ + PROBE + """
                alerts:
                  - name: ops
                    kind: slack
                    url: ${SLACK_URL}
                    minSeverity: P2
                  - name: pager
                    kind: pagerduty
                    routingKey: ${PD_KEY}
                    minSeverity: P1
                  - name: audit
                    kind: webhook
                    url: http://127.0.0.1:9000/hook
                    headers:
                      Authorization: Bearer ${AUDIT_TOKEN}
                """;
        Map<String, String> env = Map.of("SLACK_URL", "https://hooks.example.invalid/T0/B0/s3cr3t", "PD_KEY", "r0ut1ng", "AUDIT_TOKEN", "t0k3n");
        ProbeConfig config = ProbeConfig.parse("p.yaml", yaml, env);

        assertThat(config.service()).isEqualTo("checkout-api");
        assertThat(config.evaluation()).isEqualTo(new Evaluation(Duration.ofMinutes(15), 4, 3, 8));
        assertThat(config.alerts()).extracting(ChannelSpec::name, ChannelSpec::kind, ChannelSpec::minSeverity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ops", "slack", Severity.P2),
                        org.assertj.core.groups.Tuple.tuple("pager", "pagerduty", Severity.P1),
                        org.assertj.core.groups.Tuple.tuple("audit", "webhook", Severity.P3));
        ChannelSpec.PagerDuty pager = (ChannelSpec.PagerDuty) config.alerts().get(1);
        assertThat(pager.url().resolve(env)).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(pager.routingKey().resolve(env)).isEqualTo("r0ut1ng");
        ChannelSpec.Webhook audit = (ChannelSpec.Webhook) config.alerts().get(2);
        assertThat(audit.headers().resolve(env)).containsEntry("Authorization", "Bearer t0k3n");
        // secrets stay out of the printed config
        assertThat(config.toString()).doesNotContain("s3cr3t", "r0ut1ng", "t0k3n");
    }

    @Test
    void theShippedConfigLoads() {
        ProbeConfig config = ProbeConfig.load(Path.of("profiles/probes.yaml"),
                Map.of("HYPERCARE_TARGET", "http://127.0.0.1:1", "HYPERCARE_TARGET_WS", "ws://127.0.0.1:2"));
        assertThat(config.probes()).extracting(ProbeSpec::name)
                .containsExactly("demo live", "demo ready", "demo health", "demo websocket heartbeat");
        assertThat(config.service()).isEqualTo("demo");
    }
}
