package dev.hypercare.incident;

import static dev.hypercare.incident.Books.NO_ROLLBACK;
import static dev.hypercare.incident.Books.RULES;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.rule;
import static dev.hypercare.incident.Books.up;
import static dev.hypercare.incident.Results.T0;
import static dev.hypercare.incident.Results.feed;
import static dev.hypercare.incident.Results.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.incident.IncidentChange.Kind;
import dev.hypercare.slo.RuleFinding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The book after a restart: nothing lost, no zombie, ids continue. */
class IncidentBookRestoreTest {
    private final List<Incident> journal = new ArrayList<>();

    /** Journals every snapshot, as the runner does, and passes the changes on. */
    private List<IncidentChange> journaled(List<IncidentChange> changes) {
        changes.forEach(c -> journal.add(c.incident()));
        return changes;
    }

    @Test
    void openStaysOpenResolvedStaysResolvedAndIdsContinue() {
        IncidentBook before = new IncidentBook(RULES);
        journaled(before.probe(down("api", Severity.P1, T0, at(min(1)))));
        journaled(before.probe(down("web", Severity.P2, T0, at(min(1)))));
        journaled(before.probe(up("web", at(min(2)), at(min(3)))));
        journaled(before.tick(at(min(5))));

        IncidentBook after = new IncidentBook(RULES);
        assertThat(after.restore(journal)).isEmpty();

        assertThat(after.open()).isEqualTo(before.open());
        assertThat(after.open()).singleElement().satisfies(i -> {
            assertThat(i.key()).isEqualTo("probe:api");
            assertThat(i.severity()).isEqualTo(Severity.P0);
        });
        assertThat(after.since(T0)).isEqualTo(before.since(T0));
        assertThat(after.isProbeDown("api")).isTrue();
        assertThat(after.isProbeDown("web")).isFalse();
        // The escalation already journaled is not made again.
        assertThat(after.tick(at(min(6)))).isEmpty();
        assertThat(after.probe(down("db", Severity.P2, at(min(7)), at(min(8))))).singleElement()
                .satisfies(c -> assertThat(c.incident().id()).isEqualTo("INC-20261122-003"));
    }

    @Test
    void aRestoredDownProbeNeedsNoNewIncidentAndResolvesOnSuccesses() {
        IncidentBook before = new IncidentBook(RULES);
        FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);
        feed(filter, pattern("api", T0, "FFF")).forEach(t -> journaled(before.probe(t)));

        IncidentBook after = new IncidentBook(RULES);
        after.restore(journal);
        FlapFilter restored = after.isProbeDown("api") ? FlapFilter.down("api", Severity.P1, RULES) : FlapFilter.up("api", Severity.P1, RULES);
        List<IncidentChange> changes = new ArrayList<>();
        feed(restored, pattern("api", at(min(1)), "FFFFSS")).forEach(t -> changes.addAll(after.probe(t)));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RESOLVED);
            assertThat(c.incident().id()).isEqualTo("INC-20261122-001");
        });
    }

    @Test
    void theP0HistoryOfTheLast24HoursSurvives() {
        IncidentBook before = new IncidentBook(NO_ROLLBACK);
        journaled(before.probe(down("a", Severity.P0, T0, T0)));
        journaled(before.probe(up("a", at(min(1)), at(min(2)))));
        journaled(before.probe(down("b", Severity.P1, at(min(10)), at(min(11)))));
        journaled(before.tick(at(min(15)))); // b raised to P0: the second

        IncidentBook after = new IncidentBook(NO_ROLLBACK);
        after.restore(journal);
        List<IncidentChange> third = after.rules(List.of(rule("http error rate", RuleFinding.Kind.ROLLBACK, "> 10 % for 5m", true,
                "held")), at(Duration.ofHours(3)));
        assertThat(third.getFirst().incident().escalation()).isEqualTo(3);
    }

    @Test
    void everySnapshotMayBeGivenTheLastOfEachIdWins() {
        IncidentBook before = new IncidentBook(RULES);
        journaled(before.probe(down("api", Severity.P1, T0, at(min(1)))));
        journaled(before.probe(up("api", at(min(2)), at(min(3)))));
        assertThat(journal).hasSize(2);

        IncidentBook after = new IncidentBook(RULES);
        after.restore(journal);
        assertThat(after.open()).isEmpty();
        assertThat(after.since(T0)).singleElement().satisfies(i -> assertThat(i.isOpen()).isFalse());
    }

    @Test
    void twoOpenIncidentsOfOneKeyLeaveOnlyTheNewerOpen() {
        Incident older = new Incident("INC-20261122-004", "probe:api", "api failing: refused", Severity.P1, 0, T0, Optional.empty(),
                List.of(new TimelineEntry(T0, "opened", "P1")));
        Incident newer = new Incident("INC-20261122-009", "probe:api", "api failing: timeout", Severity.P1, 0, at(min(5)),
                Optional.empty(), List.of(new TimelineEntry(at(min(5)), "opened", "P1")));

        IncidentBook book = new IncidentBook(RULES);
        List<IncidentChange> repairs = book.restore(List.of(newer, older));

        assertThat(repairs).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RESOLVED);
            assertThat(c.incident().id()).isEqualTo("INC-20261122-004");
            assertThat(c.why()).endsWith("duplicate of INC-20261122-009, which is open for the same probe:api");
        });
        assertThat(book.open()).containsExactly(newer);
        assertThat(book.rules(List.of(rule("x", RuleFinding.Kind.ESCALATE, "> 1", true, "held")), at(min(6))).getFirst().incident().id())
                .isEqualTo("INC-20261122-010");
    }

    @Test
    void aRollbackRecommendationOrphanedByACrashResolves() {
        IncidentBook before = new IncidentBook(RULES);
        journaled(before.probe(down("api", Severity.P1, T0, at(min(1)))));
        journaled(before.tick(at(min(15))));
        List<IncidentChange> back = before.probe(up("api", at(min(20)), at(min(21))));
        assertThat(back).hasSize(2);
        journal.add(back.getFirst().incident()); // killed before the second snapshot reached the journal

        IncidentBook after = new IncidentBook(RULES);
        List<IncidentChange> repairs = after.restore(journal);

        assertThat(repairs).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RESOLVED);
            assertThat(c.incident().key()).isEqualTo("probe:api/rollback");
            assertThat(c.incident().resolved()).contains(at(min(20)));
            assertThat(c.why()).endsWith("probe api is up again since 2026-11-22T10:20:00Z (INC-20261122-001 resolved)");
        });
        assertThat(after.open()).isEmpty();
    }

    @Test
    void idsStartAgainEachUtcDay() {
        IncidentBook book = new IncidentBook(RULES);
        book.restore(List.of(new Incident("INC-20261122-041", "probe:api", "t", Severity.P2, 0, T0, Optional.of(T0), List.of())));
        Instant nextDay = Instant.parse("2026-11-23T00:00:05Z");
        assertThat(book.probe(down("web", Severity.P2, Instant.parse("2026-11-22T23:59:59Z"), nextDay)).getFirst().incident().id())
                .isEqualTo("INC-20261122-042");
        assertThat(book.probe(down("db", Severity.P2, nextDay, nextDay)).getFirst().incident().id()).isEqualTo("INC-20261123-001");
    }

    @Test
    void restoreIntoABusyBookIsRefused() {
        IncidentBook book = new IncidentBook(RULES);
        book.probe(down("api", Severity.P1, T0, T0));
        assertThatThrownBy(() -> book.restore(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
