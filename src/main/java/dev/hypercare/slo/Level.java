package dev.hypercare.slo;

/**
 * The levels a threshold may set. {@code target} is the objective (the condition that should hold);
 * the others are breaches. Only rollback and escalate may last over time ({@code for 5m}).
 */
public enum Level {
    TARGET("target"),
    WARN("warn"),
    CRITICAL("critical"),
    ROLLBACK("rollback"),
    ESCALATE("escalate");

    private final String field;

    Level(String field) {
        this.field = field;
    }

    /** The field name in the policy file. */
    public String field() {
        return field;
    }

    public boolean holdsOverTime() {
        return this == ROLLBACK || this == ESCALATE;
    }
}
