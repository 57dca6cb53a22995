package dev.hypercare.incident;

import static dev.hypercare.incident.Books.RULES;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.events;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.rule;
import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.IncidentChange.Kind;
import dev.hypercare.slo.RuleFinding;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Policy rules open and resolve incidents. */
class IncidentBookRulesTest {
    private final IncidentBook book = new IncidentBook(RULES);
    private final RuleFinding escalate = rule("http error rate", RuleFinding.Kind.ESCALATE, "> 5 % for 15m", true,
            "error_rate > 5 % for 15m held 16m, 10:00:00–10:16:00 (worst 7 % in a 10s window): escalate");
    private final RuleFinding rollback = rule("http error rate", RuleFinding.Kind.ROLLBACK, "> 10 % for 5m", true,
            "error_rate > 10 % for 5m held 6m, 10:10:00–10:16:00 (worst 12 % in a 10s window): roll back");

    @Test
    void aFiredEscalateRuleOpensAP1AtLevelOneOnce() {
        List<IncidentChange> changes = book.rules(List.of(escalate), T0);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.OPENED);
            assertThat(c.incident().key()).isEqualTo("rule:http error rate/escalate");
            assertThat(c.incident().title()).isEqualTo("escalation: http error rate > 5 % for 15m");
            assertThat(c.incident().severity()).isEqualTo(Severity.P1);
            assertThat(c.incident().escalation()).isEqualTo(1);
            assertThat(c.why()).endsWith("P1, level 1 (hypercare lead): " + escalate.explanation());
        });
        assertThat(book.rules(List.of(escalate), at(min(1)))).isEmpty();
    }

    @Test
    void aFiredRollbackRuleOpensAP0AtLevelTwo() {
        List<IncidentChange> changes = book.rules(List.of(escalate, rollback), T0);

        assertThat(changes).extracting(c -> c.incident().key()).containsExactly("rule:http error rate/escalate", "rule:http error rate/rollback");
        Incident incident = changes.get(1).incident();
        assertThat(incident.title()).isEqualTo("rollback recommended: http error rate > 10 % for 5m");
        assertThat(incident.severity()).isEqualTo(Severity.P0);
        assertThat(incident.escalation()).isEqualTo(2);
        assertThat(incident.recommendsRollback()).isTrue();
    }

    @Test
    void aRuleThatNoLongerFiresResolvesItsIncident() {
        book.rules(List.of(escalate, rollback), T0);
        RuleFinding calm = rule("http error rate", RuleFinding.Kind.ROLLBACK, "> 10 % for 5m", false, "error_rate > 10 % for 5m never held");

        List<IncidentChange> changes = book.rules(List.of(escalate, calm), at(min(7)));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RESOLVED);
            assertThat(c.incident().key()).isEqualTo("rule:http error rate/rollback");
            assertThat(c.incident().resolved()).contains(at(min(7)));
            assertThat(events(c.incident())).last().isEqualTo("resolved no longer fires: error_rate > 10 % for 5m never held");
        });
        assertThat(book.open()).extracting(Incident::key).containsExactly("rule:http error rate/escalate");
    }

    @Test
    void aRuleGoneFromThePolicyResolvesToo() {
        book.rules(List.of(escalate), T0);
        assertThat(book.rules(List.of(), at(min(1)))).singleElement().satisfies(c ->
                assertThat(c.why()).endsWith(" — the rule is no longer in the policy"));
    }

    @Test
    void ruleChangesLeaveProbeIncidentsAlone() {
        book.probe(down("api", Severity.P1, T0, T0));
        assertThat(book.rules(List.of(), at(min(1)))).isEmpty();
        assertThat(book.isProbeDown("api")).isTrue();
    }
}
