package dev.hypercare.report.hypercare;

/**
 * Whether a figure improves, holds or degrades over a week, by the rule in {@link #RULE}: the last three
 * days against the first three. {@code early} and {@code late} are the values compared (NaN without data).
 */
public record Trend(String subject, Direction direction, double early, double late) {
    public enum Direction { IMPROVING, STABLE, DEGRADING, NO_DATA }

    /** Availability moving by more than this (0.05 percentage points, half the error budget of 99.9 %) is a trend. */
    static final double AVAILABILITY_STEP = 0.0005;
    /** p95 moving by more than this share of the early value is a trend. */
    static final double LATENCY_STEP = 0.10;

    public static final String RULE = "Trend rule: days 5–7 against days 1–3 of the week (day 4 is the pivot), each side pooled over"
            + " all its checks and needing checks on at least 2 of its days. Availability: a rise of more than 0.05 percentage"
            + " points (half the error budget of a 99.9 % target) is improving, a fall of more than that degrading, anything"
            + " between stable. Latency: a p95 more than 10 % lower is improving, more than 10 % higher degrading, else stable.";

    static Trend availability(double early, double late, boolean enoughDays) {
        if (!enoughDays || !Double.isFinite(early) || !Double.isFinite(late)) {
            return new Trend("availability", Direction.NO_DATA, early, late);
        }
        double change = late - early;
        Direction d = change > AVAILABILITY_STEP ? Direction.IMPROVING : change < -AVAILABILITY_STEP ? Direction.DEGRADING : Direction.STABLE;
        return new Trend("availability", d, early, late);
    }

    static Trend latency(double early, double late, boolean enoughDays) {
        if (!enoughDays || !Double.isFinite(early) || !Double.isFinite(late) || early <= 0) {
            return new Trend("p95 latency", Direction.NO_DATA, early, late);
        }
        double change = late / early - 1;
        Direction d = change < -LATENCY_STEP ? Direction.IMPROVING : change > LATENCY_STEP ? Direction.DEGRADING : Direction.STABLE;
        return new Trend("p95 latency", d, early, late);
    }

    public String label() {
        return direction == Direction.NO_DATA ? "not enough data" : direction.name().toLowerCase(java.util.Locale.ROOT);
    }
}
