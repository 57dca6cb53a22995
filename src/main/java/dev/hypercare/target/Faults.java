package dev.hypercare.target;

import dev.hypercare.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults the demo target injects, as one immutable value: the target swaps the whole record at once,
 * so a request never sees half of an update.
 *
 * @param latency         delay added before answering each public HTTP request
 * @param errorRate       fraction (0..1) of public HTTP requests that answer 503
 * @param authFailureRate fraction (0..1) of logins that answer 401
 * @param outage          how much of the target is down
 */
public record Faults(LatencyDistribution latency, double errorRate, double authFailureRate, Outage outage) {

    private static final Faults NONE = new Faults(LatencyDistribution.none(), 0.0, 0.0, Outage.NONE);

    public Faults {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(outage, "outage");
        requireRate("errorRate", errorRate);
        requireRate("authFailureRate", authFailureRate);
    }

    public static Faults none() {
        return NONE;
    }

    public Faults withLatency(LatencyDistribution latency) {
        return new Faults(latency, errorRate, authFailureRate, outage);
    }

    public Faults withErrorRate(double errorRate) {
        return new Faults(latency, errorRate, authFailureRate, outage);
    }

    public Faults withAuthFailureRate(double authFailureRate) {
        return new Faults(latency, errorRate, authFailureRate, outage);
    }

    public Faults withOutage(Outage outage) {
        return new Faults(latency, errorRate, authFailureRate, outage);
    }

    /** Parses a rate typed by a person; a bad value names {@code field} in a one-line {@link BadInputException}. */
    public static double parseRate(String field, String text) {
        double rate;
        try {
            rate = Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(field + ": expected a number from 0 to 1, found '" + text + "'");
        }
        requireRate(field, rate);
        return rate;
    }

    /** One line for people: {@code none}, or the faults that differ from none, e.g. {@code latency 700ms, errorRate 0.3}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!(latency instanceof LatencyDistribution.None)) {
            parts.add("latency " + latency.text());
        }
        if (errorRate > 0) {
            parts.add("errorRate " + errorRate);
        }
        if (authFailureRate > 0) {
            parts.add("authFailureRate " + authFailureRate);
        }
        if (outage != Outage.NONE) {
            parts.add("outage " + outage.text());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void requireRate(String field, double rate) {
        // NaN fails both comparisons, so it is rejected too
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new BadInputException(field + ": expected a number from 0 to 1, found '" + rate + "'");
        }
    }
}
