package dev.hypercare.incident;

import static dev.hypercare.incident.Books.RULES;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.up;
import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.incident.IncidentChange.Kind;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A probe inaccessible for too long recommends rollback. */
class IncidentBookRollbackTest {
    private final IncidentBook book = new IncidentBook(RULES);

    @Test
    void inaccessibleForFifteenMinutesRecommendsRollbackUntilTheProbeIsBack() {
        book.probe(down("api", Severity.P1, T0, at(min(1))));
        book.tick(at(min(5)));
        assertThat(book.tick(at(min(15)).minusMillis(1))).isEmpty();

        List<IncidentChange> changes = book.tick(at(min(15)));
        assertThat(changes).extracting(IncidentChange::kind).containsExactly(Kind.ESCALATED, Kind.OPENED);
        Incident rollback = changes.get(1).incident();
        assertThat(rollback.key()).isEqualTo("probe:api/rollback");
        assertThat(rollback.title()).isEqualTo("rollback recommended: api inaccessible for over 15m");
        assertThat(rollback.severity()).isEqualTo(Severity.P0);
        assertThat(rollback.escalation()).isEqualTo(2);
        assertThat(rollback.recommendsRollback()).isTrue();
        assertThat(rollback.opened()).isEqualTo(at(min(15)));
        assertThat(book.tick(at(min(16)))).isEmpty();

        List<IncidentChange> back = book.probe(up("api", at(min(20)), at(min(20).plusSeconds(15))));
        assertThat(back).extracting(IncidentChange::kind).containsExactly(Kind.RESOLVED, Kind.RESOLVED);
        assertThat(back).extracting(c -> c.incident().key()).containsExactly("probe:api", "probe:api/rollback");
        assertThat(book.open()).isEmpty();
    }

    @Test
    void theRollbackRecommendationDoesNotCountAsAnotherP0() {
        book.probe(down("api", Severity.P0, T0, T0));
        book.tick(at(min(20)));
        book.probe(up("api", at(min(21)), at(min(22))));
        List<IncidentChange> second = book.probe(down("web", Severity.P0, at(min(30)), at(min(30))));
        assertThat(second.getFirst().incident().escalation()).isZero();
    }
}
