package dev.hypercare.alert;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Removes a channel's secrets from text that came from elsewhere (a receiver's answer may echo the
 * request), and keeps that text to one short line.
 */
final class Redactor {
    static final String REDACTED = "<redacted>";
    private static final int MAX_CHARS = 200;
    /** Shorter values would redact ordinary words; they are not secrets worth the name. */
    private static final int MIN_SECRET_CHARS = 4;

    private final List<String> secrets;

    Redactor(Collection<String> secrets) {
        // longest first, so a secret containing another is removed whole
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= MIN_SECRET_CHARS)
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REDACTED);
        }
        out = out.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return out.length() <= MAX_CHARS ? out : out.substring(0, MAX_CHARS) + "...";
    }
}
