package dev.hypercare.incident;

import static dev.hypercare.incident.Books.RULES;
import static dev.hypercare.incident.Books.at;
import static dev.hypercare.incident.Books.down;
import static dev.hypercare.incident.Books.min;
import static dev.hypercare.incident.Books.up;
import static dev.hypercare.incident.Results.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentBookTest {

    @Test
    void incidentsOfProbesNoLongerConfiguredResolve() {
        IncidentBook book = new IncidentBook(RULES);
        book.probe(down("old", Severity.P1, T0, T0));
        book.probe(down("api", Severity.P1, T0, T0));
        book.tick(at(min(20)));
        assertThat(book.open()).hasSize(4);

        List<IncidentChange> changes = book.retainProbes(List.of("api"), at(min(21)));

        assertThat(changes).extracting(c -> c.incident().key()).containsExactlyInAnyOrder("probe:old", "probe:old/rollback");
        assertThat(changes).allSatisfy(c -> assertThat(c.why()).endsWith("probe old is no longer configured"));
        assertThat(book.open()).extracting(Incident::key).containsExactlyInAnyOrder("probe:api", "probe:api/rollback");
    }

    @Test
    void sinceListsWhatWasOpenAtSomeTimeSince() {
        IncidentBook book = new IncidentBook(RULES);
        book.probe(down("early", Severity.P2, T0, T0));
        book.probe(up("early", at(min(2)), at(min(3))));
        book.probe(down("late", Severity.P2, at(min(10)), at(min(10))));

        assertThat(book.since(at(min(2)))).extracting(Incident::key).containsExactly("probe:early", "probe:late");
        assertThat(book.since(at(min(2)).plusMillis(1))).extracting(Incident::key).containsExactly("probe:late");
    }

    @Test
    void lengthsReadLikePeopleWriteThem() {
        assertThat(IncidentBook.length(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(IncidentBook.length(Duration.ofSeconds(750))).isEqualTo("12m 30s");
        assertThat(IncidentBook.length(Duration.ofMinutes(65))).isEqualTo("1h 5m");
        assertThat(IncidentBook.length(Duration.ofHours(74))).isEqualTo("3d 2h");
    }
}
