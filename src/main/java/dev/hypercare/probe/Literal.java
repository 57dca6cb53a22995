package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.math.BigDecimal;
import java.time.Duration;

/** The right-hand side of a condition, typed once at load time. */
public sealed interface Literal {
    record Number(BigDecimal value) implements Literal {}

    record Time(Duration value) implements Literal {}

    record Text(String value) implements Literal {}

    record Bool(boolean value) implements Literal {}

    record Null() implements Literal {}

    /** As a condition would write it: {@code 200}, {@code 500ms}, {@code "UP"}, {@code true}, {@code null}. */
    default String written() {
        return switch (this) {
            case Number n -> n.value().toPlainString();
            case Time t -> DurationText.format(t.value());
            case Text t -> '"' + t.value() + '"';
            case Bool b -> Boolean.toString(b.value());
            case Null n -> "null";
        };
    }
}
