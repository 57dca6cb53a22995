package dev.hypercare.probe;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a failing probe is, P0 (page now) to P3 (look tomorrow); the alerting side decides what each means. */
public enum Severity {
    P0, P1, P2, P3;

    public static final String EXPECTED = "one of P0, P1, P2, P3";

    static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text.strip())).findFirst();
    }
}
