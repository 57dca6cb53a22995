package dev.hypercare.probe;

import java.util.Arrays;
import java.util.Optional;

/** The comparison of a condition. Equality works on any value; ordering only on numbers and durations. */
public enum Operator {
    EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    boolean ordering() {
        return this != EQ && this != NE;
    }

    static Optional<Operator> ofSymbol(String text) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(text)).findFirst();
    }

    /** Applies this operator to the sign of {@code actual.compareTo(expected)}. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
