package dev.hypercare.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident as it stands after its latest change. Immutable: every change makes a new snapshot, which
 * is what the journal keeps (the last snapshot of an id is the incident).
 *
 * @param id         unique across restarts, e.g. {@code INC-20261122-003}
 * @param key        what it is about, at most one open incident per key: {@code probe:demo live},
 *                   {@code rule:probe error rate/escalate}, {@code repeated-p0}
 * @param title      one line for people: {@code demo live failing: refused}
 * @param severity   current severity (escalation may raise it)
 * @param escalation escalation level of the playbook: 0 on-call engineer, 1 hypercare lead,
 *                   2 engineering manager, 3 executive
 * @param opened     when the trouble began: for a probe, the start of its first failing run (detection
 *                   follows after the flap filter's failures; the timeline's {@code opened} entry says when)
 * @param resolved   when it ended (for a probe, its first successful run); empty while open
 * @param timeline   every change, oldest first, each entry at the time it was decided
 */
public record Incident(
        String id,
        String key,
        String title,
        Severity severity,
        int escalation,
        Instant opened,
        Optional<Instant> resolved,
        List<TimelineEntry> timeline) {

    public Incident {
        timeline = List.copyOf(timeline);
    }

    public boolean isOpen() {
        return resolved.isEmpty();
    }

    /** Who it is escalated to. */
    public EscalationLevel escalationLevel() {
        return EscalationLevel.of(escalation);
    }

    /** Whether this incident, while open, recommends rolling back. */
    public boolean recommendsRollback() {
        return IncidentKey.recommendsRollback(key);
    }

    /** Open time so far (until {@code now}) or until resolution. */
    public Duration duration(Instant now) {
        return Duration.between(opened, resolved.orElse(now));
    }
}
