package dev.hypercare.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * How urgent an incident is, from the hypercare playbook: P0 service down or data-loss risk, P1 major
 * feature broken, P2 minor, P3 cosmetic. A probe names the severity of the incident its failure opens.
 */
public enum Severity {
    P0, P1, P2, P3;

    public static final String EXPECTED = "one of P0, P1, P2, P3";

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text.strip())).findFirst();
    }

    /** Whether this is more urgent than {@code other} (P0 is the most urgent). */
    public boolean moreUrgentThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    /** One step more urgent, P0 staying P0. */
    public Severity raised() {
        return this == P0 ? P0 : values()[ordinal() - 1];
    }
}
