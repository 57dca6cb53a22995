package dev.hypercare.incident;

import static dev.hypercare.incident.Results.INTERVAL;
import static dev.hypercare.incident.Results.T0;
import static dev.hypercare.incident.Results.feed;
import static dev.hypercare.incident.Results.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.probe.Reason;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlapFilterTest {
    private static final IncidentRules RULES = IncidentRules.DEFAULTS; // 3 failures open, 2 successes resolve

    private static List<ProbeTransition> run(FlapFilter filter, String sequence) {
        return feed(filter, pattern("api", T0, sequence));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FFSFFSFFSFFSFFS", "FSFSFSFSFS", "SFFSFFS", "FFSFF"})
    void aFlappingProbeNeverGoesDown(String sequence) {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        assertThat(run(filter, sequence)).isEmpty();
        assertThat(filter.isUp()).isTrue();
    }

    @Test
    void threeFailuresInARowGoDownFromTheFirstFailure() {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        List<ProbeTransition> transitions = run(filter, "SFFF");

        assertThat(transitions).containsExactly(new ProbeTransition.Down("api", Severity.P1, T0.plus(INTERVAL),
                T0.plus(INTERVAL.multipliedBy(3)), 3, Reason.REFUSED, "connection refused"));
        assertThat(filter.isUp()).isFalse();
    }

    @Test
    void furtherFailuresOfADownProbeSayNothingNew() {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        assertThat(run(filter, "FFFFFFFFF")).hasSize(1);
    }

    @Test
    void twoSuccessesInARowBringItBackUpFromTheFirstSuccess() {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        List<ProbeTransition> transitions = run(filter, "FFFSS");

        assertThat(transitions).hasSize(2);
        assertThat(transitions.get(1)).isEqualTo(new ProbeTransition.Up("api", T0.plus(INTERVAL.multipliedBy(3)),
                T0.plus(INTERVAL.multipliedBy(4)), 2));
        assertThat(filter.isUp()).isTrue();
    }

    @Test
    void aSuccessBetweenFailuresDoesNotBringItUp() {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        List<ProbeTransition> transitions = run(filter, "FFFSFSFSF");

        assertThat(transitions).hasSize(1).first().isInstanceOf(ProbeTransition.Down.class);
        assertThat(filter.isUp()).isFalse();
    }

    @Test
    void aFilterRestoredDownNeedsOnlySuccessesAndNeverReportsDownAgain() {
        FlapFilter filter = FlapFilter.down("api", Severity.P1, RULES);
        assertThat(run(filter, "FFFFF")).isEmpty();

        List<ProbeTransition> transitions = run(filter, "SS");
        assertThat(transitions).singleElement().isInstanceOf(ProbeTransition.Up.class);
    }

    @Test
    void otherCountsAreHonoured() {
        FlapFilter filter = FlapFilter.up("api", Severity.P2, RULES.withFlapSuppression(1, 3));
        assertThat(run(filter, "F")).singleElement().isInstanceOf(ProbeTransition.Down.class);
        assertThat(run(filter, "SSFSS")).isEmpty();
        assertThat(run(filter, "S")).singleElement().isInstanceOf(ProbeTransition.Up.class);
    }

    @Test
    void anotherProbesResultIsRefused() {
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        assertThatThrownBy(() -> filter.observe(Results.ok("web", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flap filter of probe 'api' given a result of probe 'web'");
    }
}
