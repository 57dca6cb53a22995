package dev.hypercare.incident;

import static dev.hypercare.incident.Books.NO_ROLLBACK;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.events;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.rule;
import static dev.hypercare.incident.Books.up;
import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.IncidentChange.Kind;
import dev.hypercare.slo.RuleFinding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outage to P0, the P0 escalation matrix and repeated P0s. */
class IncidentBookEscalationTest {
    private final IncidentBook book = new IncidentBook(NO_ROLLBACK);

    @Test
    void anOutageBecomesP0AtExactlyFiveMinutes() {
        book.probe(down("api", Severity.P1, T0, at(min(1))));
        assertThat(book.tick(at(min(5)).minusMillis(1))).isEmpty();

        List<IncidentChange> changes = book.tick(at(min(5)));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ESCALATED);
            assertThat(c.incident().severity()).isEqualTo(Severity.P0);
            assertThat(c.incident().escalation()).isZero();
            assertThat(c.id()).isEqualTo("INC-20261122-001/escalated-P0-0");
            assertThat(events(c.incident())).last().isEqualTo("raised P0 (was P1): outage over 5m, down 5m");
        });
        assertThat(book.tick(at(min(6)))).isEmpty();
    }

    @Test
    void aProbeDetectedAfterFiveMinutesOfFailuresOpensAtP0() {
        List<IncidentChange> changes = book.probe(down("slow", Severity.P1, T0, at(min(6))));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.OPENED);
            assertThat(c.incident().severity()).isEqualTo(Severity.P0);
            assertThat(c.why()).contains("P1, level 0 (on-call engineer): 3 consecutive failures", "; P0 (was P1): outage over 5m, down 6m");
        });
    }

    @Test
    void anOpenP0ClimbsTheMatrixAsItAges() {
        book.probe(down("api", Severity.P0, T0, at(min(1))));
        assertThat(book.tick(at(min(15)).minusMillis(1))).isEmpty();
        assertThat(level(book.tick(at(min(15))))).isEqualTo(1);
        assertThat(book.tick(at(min(29)))).isEmpty();
        assertThat(level(book.tick(at(min(30))))).isEqualTo(2);
        assertThat(book.tick(at(min(59)))).isEmpty();
        List<IncidentChange> last = book.tick(at(min(60)));
        assertThat(level(last)).isEqualTo(3);
        assertThat(events(last.getFirst().incident())).containsSubsequence(
                "escalated level 1 (hypercare lead): P0 unresolved for 15m",
                "escalated level 2 (engineering manager): P0 unresolved for 30m",
                "escalated level 3 (executive): P0 unresolved for 1h");
        assertThat(book.tick(at(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void aMinorProbeDownForLongNeverBecomesAnOutage() {
        IncidentBook withRollback = new IncidentBook(IncidentRules.DEFAULTS);
        withRollback.probe(down("search", Severity.P2, T0, at(min(1))));
        assertThat(withRollback.tick(at(min(20)))).isEmpty();
        assertThat(withRollback.open()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.P2);
            assertThat(i.escalation()).isZero();
        });
    }

    @Test
    void aLateTickJumpsStraightToTheDueLevelInOneChange() {
        book.probe(down("api", Severity.P1, T0, at(min(1))));
        List<IncidentChange> changes = book.tick(at(min(45)));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.incident().severity()).isEqualTo(Severity.P0);
            assertThat(c.incident().escalation()).isEqualTo(2);
        });
    }

    @Test
    void onlyP0IncidentsClimbTheMatrix() {
        book.rules(List.of(rule("http error rate", RuleFinding.Kind.ESCALATE, "> 5 % for 15m", true, "held")), T0);
        assertThat(book.tick(at(Duration.ofHours(3)))).isEmpty();
        assertThat(book.open()).singleElement().satisfies(i -> assertThat(i.escalation()).isEqualTo(1));
    }

    @Test
    void theThirdP0Within24HoursGoesUpALevel() {
        openAndResolveP0("a", T0);
        openAndResolveP0("b", at(Duration.ofHours(10)));
        List<IncidentChange> third = book.probe(down("c", Severity.P0, at(Duration.ofHours(23)), at(Duration.ofHours(23))));

        assertThat(third).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.OPENED);
            assertThat(c.incident().escalation()).isEqualTo(1);
            assertThat(events(c.incident())).last().isEqualTo("escalated level 1 (hypercare lead): 3 P0 incidents within 24h");
        });
    }

    @Test
    void aP0MoreThan24HoursAgoDoesNotCount() {
        openAndResolveP0("a", T0);
        openAndResolveP0("b", at(Duration.ofHours(10)));
        List<IncidentChange> third = book.probe(down("c", Severity.P0, at(Duration.ofHours(24).plusMinutes(1)),
                at(Duration.ofHours(24).plusMinutes(1))));
        assertThat(third.getFirst().incident().escalation()).isZero();
    }

    @Test
    void anIncidentRaisedToP0CountsAsAP0() {
        openAndResolveP0("a", T0);
        openAndResolveP0("b", at(Duration.ofHours(1)));
        book.probe(down("c", Severity.P1, at(Duration.ofHours(2)), at(Duration.ofHours(2))));
        List<IncidentChange> raised = book.tick(at(Duration.ofHours(2).plusMinutes(5)));

        assertThat(raised).singleElement().satisfies(c -> {
            assertThat(c.incident().severity()).isEqualTo(Severity.P0);
            assertThat(c.incident().escalation()).isEqualTo(1);
            assertThat(c.why()).endsWith("P0 (was P1): outage over 5m, down 5m; level 1 (hypercare lead): 3 P0 incidents within 24h");
        });
    }

    @Test
    void aRollbackRuleIsAP0ThatCountsToo() {
        openAndResolveP0("a", T0);
        openAndResolveP0("b", at(Duration.ofHours(1)));
        List<IncidentChange> rollback = book.rules(List.of(rule("http error rate", RuleFinding.Kind.ROLLBACK, "> 10 % for 5m", true,
                "error_rate > 10 % held 6m")), at(Duration.ofHours(2)));
        assertThat(rollback.getFirst().incident().escalation()).isEqualTo(3);
    }

    private void openAndResolveP0(String probe, Instant t) {
        book.probe(down(probe, Severity.P0, t, t));
        book.probe(up(probe, t.plus(min(1)), t.plus(min(2))));
    }

    private static int level(List<IncidentChange> changes) {
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(Kind.ESCALATED));
        return changes.getFirst().incident().escalation();
    }
}
