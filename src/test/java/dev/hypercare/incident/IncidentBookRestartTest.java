package dev.hypercare.incident;

import static dev.hypercare.incident.Results.INTERVAL;
import static dev.hypercare.incident.Results.T0;
import static dev.hypercare.incident.Results.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.probe.ProbeResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A runner in miniature: each round feeds one result per probe through its flap filter into the book,
 * ticks, and journals every snapshot. Killed after any round and restarted from the journal, it must
 * neither repeat a change (a repeated change id would be a duplicated alert) nor lose an open incident.
 */
class IncidentBookRestartTest {
    private static final IncidentRules RULES = IncidentRules.DEFAULTS;
    // api: a long outage (P0, matrix, rollback recommendation), then recovery; web: flaps, then a short outage.
    private static final String API = "SS" + "F".repeat(100) + "SFS" + "S".repeat(10) + "FFF" + "F".repeat(20);
    private static final String WEB = "SFFSFFSFSF" + "FFFFF" + "SS" + "S".repeat(121);
    private static final int ROUNDS = API.length();

    private record Runner(IncidentBook book, FlapFilter api, FlapFilter web, List<Incident> journal, List<String> changeIds,
                          List<Integer> rounds) {
        static Runner fresh() {
            return new Runner(new IncidentBook(RULES), FlapFilter.up("api", Severity.P1, RULES), FlapFilter.up("web", Severity.P2, RULES),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** Starts again from a journal, as after kill -9. */
        static Runner restarted(List<Incident> journal) {
            IncidentBook book = new IncidentBook(RULES);
            List<String> ids = new ArrayList<>();
            book.restore(journal).forEach(c -> ids.add(c.id()));
            return new Runner(book, filter(book, "api", Severity.P1), filter(book, "web", Severity.P2), new ArrayList<>(journal), ids,
                    new ArrayList<>());
        }

        private static FlapFilter filter(IncidentBook book, String probe, Severity severity) {
            return book.isProbeDown(probe) ? FlapFilter.down(probe, severity, RULES) : FlapFilter.up(probe, severity, RULES);
        }

        void round(int i, List<ProbeResult> apiResults, List<ProbeResult> webResults) {
            List<IncidentChange> changes = new ArrayList<>();
            api.observe(apiResults.get(i)).ifPresent(t -> changes.addAll(book.probe(t)));
            web.observe(webResults.get(i)).ifPresent(t -> changes.addAll(book.probe(t)));
            changes.addAll(book.tick(T0.plus(INTERVAL.multipliedBy(i))));
            for (IncidentChange c : changes) {
                journal.add(c.incident());
                changeIds.add(c.id());
                rounds.add(i);
            }
        }

        List<String> openSummary() {
            return book.open().stream().map(i -> i.key() + " " + i.severity() + " level " + i.escalation()).toList();
        }
    }

    @Test
    void aRestartAfterAnyRoundLosesNothingAndRepeatsNothing() {
        List<ProbeResult> api = pattern("api", T0, API);
        List<ProbeResult> web = pattern("web", T0, WEB);
        assertThat(WEB).hasSize(ROUNDS);

        Runner straight = Runner.fresh();
        for (int i = 0; i < ROUNDS; i++) {
            straight.round(i, api, web);
        }
        assertThat(straight.changeIds()).doesNotHaveDuplicates();
        assertThat(straight.openSummary()).containsExactly("probe:api P0 level 0"); // the last outage is 5m 30s old
        assertThat(straight.book().since(T0)).extracting(Incident::key).containsExactlyInAnyOrder(
                "probe:api", "probe:api/rollback", "probe:web", "probe:api");

        for (int crash = 0; crash < ROUNDS; crash++) {
            Runner before = Runner.fresh();
            for (int i = 0; i <= crash; i++) {
                before.round(i, api, web);
            }
            List<String> openAtCrash = before.book().open().stream().map(Incident::id).toList();
            Runner after = Runner.restarted(before.journal());
            assertThat(after.book().open()).extracting(Incident::id).as("open after restart at round %d", crash).isEqualTo(openAtCrash);
            for (int i = crash + 1; i < ROUNDS; i++) {
                after.round(i, api, web);
            }
            List<String> all = new ArrayList<>(before.changeIds());
            all.addAll(after.changeIds());
            assertThat(all).as("change ids with a restart after round %d", crash).doesNotHaveDuplicates();
            assertThat(after.openSummary()).as("open at the end with a restart after round %d", crash).isEqualTo(straight.openSummary());
            Set<String> keys = new HashSet<>();
            after.book().since(T0).forEach(i -> keys.add(i.key()));
            assertThat(keys).as("incidents with a restart after round %d", crash)
                    .containsExactlyInAnyOrder("probe:api", "probe:api/rollback", "probe:web");
        }
    }

    @Test
    void aRestartAfterAnyJournalWriteEvenMidRoundLosesNothingAndRepeatsNothing() {
        List<ProbeResult> api = pattern("api", T0, API);
        List<ProbeResult> web = pattern("web", T0, WEB);
        Runner straight = Runner.fresh();
        for (int i = 0; i < ROUNDS; i++) {
            straight.round(i, api, web);
        }
        int writes = straight.journal().size();
        assertThat(writes).isGreaterThan(8);

        for (int k = 0; k <= writes; k++) {
            // Killed right after the k-th snapshot: the rest of that round is lost, the next round runs after the restart.
            Runner after = Runner.restarted(straight.journal().subList(0, k));
            int next = k == 0 ? 0 : straight.rounds().get(k - 1) + 1;
            for (int i = next; i < ROUNDS; i++) {
                after.round(i, api, web);
            }
            List<String> all = new ArrayList<>(straight.changeIds().subList(0, k));
            all.addAll(after.changeIds());
            assertThat(all).as("change ids with a restart after write %d", k).doesNotHaveDuplicates();
            assertThat(after.openSummary()).as("open at the end with a restart after write %d", k).isEqualTo(straight.openSummary());
            assertThat(after.book().since(T0)).as("incidents with a restart after write %d", k)
                    .allSatisfy(i -> assertThat(i.isOpen() && !i.key().equals("probe:api")).isFalse());
        }
    }
}
