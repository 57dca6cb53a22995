package dev.hypercare.slo;

import java.util.Optional;

/** The operator of a level. Declared longest symbol first, the order the grammar scans them in. */
public enum Comparison {
    AT_MOST("<="),
    AT_LEAST(">="),
    BELOW("<"),
    ABOVE(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double value, double limit) {
        return switch (this) {
            case AT_MOST -> value <= limit;
            case AT_LEAST -> value >= limit;
            case BELOW -> value < limit;
            case ABOVE -> value > limit;
        };
    }

    /** True for {@code >} and {@code >=}: a breach grows upwards, so the worst value is the highest. */
    public boolean upward() {
        return this == ABOVE || this == AT_LEAST;
    }

    /** The operator {@code text} starts with, longest first so that {@code <=} is never read as {@code <}. */
    static Optional<Comparison> prefixOf(String text) {
        for (Comparison c : values()) {
            if (text.startsWith(c.symbol)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
