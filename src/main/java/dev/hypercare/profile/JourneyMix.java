package dev.hypercare.profile;

/**
 * Relative weights of the HTTP journeys an arriving user takes: a visitor sees the landing page, a
 * member logs in and uses the API, a monitor polls the health endpoints like a load balancer would.
 */
public record JourneyMix(Double visitor, Double member, Double monitor) {
    public JourneyMix {
        visitor = visitor == null ? 0.0 : visitor;
        member = member == null ? 0.0 : member;
        monitor = monitor == null ? 0.0 : monitor;
    }

    public double total() {
        return visitor + member + monitor;
    }

    /** Weights as percentages summing to 100, the form Gatling's randomSwitch takes. */
    public double percent(double weight) {
        return total() == 0 ? 0 : 100.0 * weight / total();
    }
}
