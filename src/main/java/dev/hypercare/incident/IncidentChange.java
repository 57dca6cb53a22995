package dev.hypercare.incident;

import java.util.Locale;

/**
 * One change the {@link IncidentBook} made: what kind, the incident as it stands after it (the snapshot
 * to journal) and why, in one line:
 * {@code INC-20261122-001 escalated: demo live failing: refused — P0 (was P1): outage over 5m, down 5m}.
 */
public record IncidentChange(Kind kind, Incident incident, String why) {

    public enum Kind {
        OPENED,
        /** Severity raised and/or escalation level up. */
        ESCALATED,
        RESOLVED;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Stable and unique per change, for alert ids that survive restarts: {@code INC-20261122-003/opened},
     * {@code INC-20261122-003/escalated-P0-2}, {@code INC-20261122-003/resolved}. Severity and level only
     * ever rise, so each escalation has its own pair.
     */
    public String id() {
        return incident.id() + "/" + kind.text()
                + (kind == Kind.ESCALATED ? "-" + incident.severity() + "-" + incident.escalation() : "");
    }
}
