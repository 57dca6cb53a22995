package dev.hypercare.incident;

/**
 * Who an incident is escalated to, from the hypercare playbook's escalation matrix. An incident's
 * {@link Incident#escalation()} is the ordinal: 0 on-call engineer up to 3 executive.
 */
public enum EscalationLevel {
    ON_CALL_ENGINEER("on-call engineer"),
    HYPERCARE_LEAD("hypercare lead"),
    ENGINEERING_MANAGER("engineering manager"),
    EXECUTIVE("executive");

    public static final EscalationLevel HIGHEST = EXECUTIVE;

    private final String role;

    EscalationLevel(String role) {
        this.role = role;
    }

    /** The level numbered {@code level}; numbers beyond the matrix stay at its ends. */
    public static EscalationLevel of(int level) {
        return values()[Math.clamp(level, 0, HIGHEST.ordinal())];
    }

    public int level() {
        return ordinal();
    }

    /** Who is called at this level, for people: {@code hypercare lead}. */
    public String role() {
        return role;
    }

    /** {@code level 1 (hypercare lead)}. */
    public String describe() {
        return "level " + ordinal() + " (" + role + ")";
    }
}
