package dev.hypercare.runner;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes behind a sequence of journaled incident snapshots: the first snapshot of an id opened it, one
 * that gained a resolution resolved it, any other raised it. Used after a restart to hand the outbox every
 * recent change again: a crash between journaling a snapshot and queueing its alert must not lose the
 * alert, and the outbox ignores the ids it already has.
 */
final class ChangeReplay {
    private ChangeReplay() {}

    static List<IncidentChange> changes(List<Incident> snapshots) {
        Map<String, Incident> previous = new HashMap<>();
        List<IncidentChange> changes = new ArrayList<>();
        for (Incident now : snapshots) {
            Incident before = previous.put(now.id(), now);
            IncidentChange.Kind kind;
            if (before == null) {
                if (now.timeline().size() != 1) {
                    continue; // its opening is older than the journal read: which change this was cannot be told
                }
                kind = IncidentChange.Kind.OPENED;
            } else if (before.isOpen() && !now.isOpen()) {
                kind = IncidentChange.Kind.RESOLVED;
            } else if (now.severity() != before.severity() || now.escalation() != before.escalation()) {
                kind = IncidentChange.Kind.ESCALATED;
            } else {
                continue; // a snapshot that changed neither state nor level alerts no one
            }
            String why = now.timeline().isEmpty() ? kind.text() : now.timeline().getLast().text();
            changes.add(new IncidentChange(kind, now, why));
        }
        return changes;
    }
}
