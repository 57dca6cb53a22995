package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.StateChange;
import dev.hypercare.slo.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident side of the journal: every snapshot of every incident with the time it was written, and
 * every service state change. A report asks how things stood at the end of its window, so an incident
 * escalated the next day still shows the severity it had then.
 */
final class IncidentHistory {
    private final Map<String, List<Snapshot>> snapshots;
    private final List<StateChange> changes;

    private record Snapshot(Instant written, Incident incident) {}

    private IncidentHistory(Map<String, List<Snapshot>> snapshots, List<StateChange> changes) {
        this.snapshots = snapshots;
        this.changes = changes;
    }

    /**
     * Incidents open at some time in {@code window}, each as its last snapshot written before the window's
     * end, ordered by opening time.
     */
    List<Incident> overlapping(Window window) {
        List<Incident> found = new ArrayList<>();
        for (List<Snapshot> history : snapshots.values()) {
            Optional<Incident> asOf = asOf(history, window.end());
            asOf.filter(i -> i.opened().isBefore(window.end()) && i.resolved().map(r -> r.isAfter(window.start())).orElse(true))
                    .ifPresent(found::add);
        }
        found.sort(Comparator.comparing(Incident::opened).thenComparing(Incident::id));
        return found;
    }

    private static Optional<Incident> asOf(List<Snapshot> history, Instant end) {
        Incident last = null;
        for (Snapshot s : history) {
            if (s.written().isBefore(end)) {
                last = s.incident();
            }
        }
        return Optional.ofNullable(last);
    }

    /** The state at {@code t}: the target of the last change at or before it; empty before the first change. */
    Optional<ServiceState> stateAt(Instant t) {
        ServiceState state = null;
        for (StateChange c : changes) {
            if (c.time().isAfter(t)) {
                break;
            }
            state = c.to();
        }
        return Optional.ofNullable(state);
    }

    /** The state changes within {@code window}, oldest first. */
    List<StateChange> changes(Window window) {
        return changes.stream().filter(c -> !c.time().isBefore(window.start()) && c.time().isBefore(window.end())).toList();
    }

    /** Collects snapshots and changes in journal order. */
    static final class Builder {
        private final Map<String, List<Snapshot>> snapshots = new LinkedHashMap<>();
        private final List<StateChange> changes = new ArrayList<>();

        void incident(Instant written, Incident incident) {
            snapshots.computeIfAbsent(incident.id(), id -> new ArrayList<>()).add(new Snapshot(written, incident));
        }

        void state(StateChange change) {
            changes.add(change);
        }

        IncidentHistory build() {
            List<StateChange> sorted = new ArrayList<>(changes);
            sorted.sort(Comparator.comparing(StateChange::time)); // stable: changes at one instant keep journal order
            return new IncidentHistory(Map.copyOf(snapshots), List.copyOf(sorted));
        }
    }
}
