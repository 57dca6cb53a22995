package dev.hypercare.incident;

import static dev.hypercare.incident.Results.INTERVAL;
import static dev.hypercare.incident.Books.RULES;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.events;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.up;
import static dev.hypercare.incident.Results.T0;
import static dev.hypercare.incident.Results.feed;
import static dev.hypercare.incident.Results.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.IncidentChange.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probes open and resolve incidents through the flap filter. */
class IncidentBookProbeTest {
    private final IncidentBook book = new IncidentBook(RULES);
    private final FlapFilter filter = FlapFilter.up("api", Severity.P1, RULES);

    private List<IncidentChange> results(Instant from, String sequence) {
        List<IncidentChange> changes = new ArrayList<>();
        feed(filter, pattern("api", from, sequence)).forEach(t -> changes.addAll(book.probe(t)));
        return changes;
    }

    @Test
    void aFlappingTargetOpensNoIncident() {
        assertThat(results(T0, "FFSFFSFFSFFSFSFFS")).isEmpty();
        assertThat(book.open()).isEmpty();
        assertThat(book.tick(at(min(30)))).isEmpty();
    }

    @Test
    void threeFailuresOpenAnIncidentDatedFromTheFirst() {
        List<IncidentChange> changes = results(T0, "SFFF");

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.OPENED);
            assertThat(c.id()).isEqualTo("INC-20261122-001/opened");
            assertThat(c.why()).isEqualTo("INC-20261122-001 opened: api failing: refused — P1, level 0 (on-call engineer): "
                    + "3 consecutive failures since 2026-11-22T10:00:15Z, the last refused (connection refused)");
        });
        Incident incident = changes.getFirst().incident();
        assertThat(incident.key()).isEqualTo("probe:api");
        assertThat(incident.title()).isEqualTo("api failing: refused");
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.escalation()).isZero();
        assertThat(incident.opened()).isEqualTo(T0.plus(INTERVAL));
        assertThat(incident.isOpen()).isTrue();
        assertThat(incident.timeline()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("opened");
            assertThat(e.time()).isEqualTo(T0.plus(INTERVAL.multipliedBy(3)));
        });
        assertThat(book.open()).containsExactly(incident);
        assertThat(book.isProbeDown("api")).isTrue();
    }

    @Test
    void twoSuccessesResolveWithTheDowntime() {
        results(T0, "FFF");
        List<IncidentChange> changes = results(at(min(2)), "SS");

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.RESOLVED);
            assertThat(c.id()).isEqualTo("INC-20261122-001/resolved");
            assertThat(c.incident().resolved()).contains(at(min(2)));
            assertThat(c.incident().duration(at(min(60)))).isEqualTo(min(2));
            assertThat(events(c.incident())).last().isEqualTo(
                    "resolved up again after 2m down: 2 consecutive successes since 2026-11-22T10:02:00Z");
        });
        assertThat(book.open()).isEmpty();
        assertThat(book.isProbeDown("api")).isFalse();
    }

    @Test
    void aLoneSuccessBetweenFailuresDoesNotResolve() {
        results(T0, "FFF");
        assertThat(results(at(min(1)), "SFSF")).isEmpty();
        assertThat(book.open()).hasSize(1);
    }

    @Test
    void aSecondDownOfAnOpenProbeOpensNothing() {
        book.probe(down("api", Severity.P1, T0, at(min(1))));
        assertThat(book.probe(down("api", Severity.P0, at(min(2)), at(min(3))))).isEmpty();
        assertThat(book.open()).hasSize(1);
    }

    @Test
    void aProbeThatFailsAgainOpensANewIncident() {
        results(T0, "FFFSS");
        List<IncidentChange> again = results(at(min(10)), "FFF");
        assertThat(again).singleElement().satisfies(c -> assertThat(c.incident().id()).isEqualTo("INC-20261122-002"));
        assertThat(book.since(T0)).extracting(Incident::id).containsExactly("INC-20261122-001", "INC-20261122-002");
    }

    @Test
    void anUpOfAProbeWithoutIncidentChangesNothing() {
        assertThat(book.probe(up("api", T0, at(min(1))))).isEmpty();
    }
}
