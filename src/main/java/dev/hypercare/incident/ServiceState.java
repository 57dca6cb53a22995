package dev.hypercare.incident;

/**
 * How the service stands now, from the policy's verdict over the rolling windows and the open incidents.
 * Ordered by gravity: a state is the worst of what its evidence says.
 */
public enum ServiceState {
    /** Every judged threshold passes and no incident is open (or not enough samples yet to say otherwise). */
    OK("OK", "green"),
    /** A warn level is breached, or a P2/P3 incident is open. */
    DEGRADED("DEGRADED", "amber"),
    /** A critical level is breached, or a P0/P1 incident is open. */
    CRITICAL("CRITICAL", "red"),
    /** A rollback rule of the policy fired (e.g. inaccessible for over 15 min). */
    ROLLBACK_RECOMMENDED("ROLLBACK RECOMMENDED", "red");

    private final String label;
    private final String colour;

    ServiceState(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    public ServiceState worst(ServiceState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
