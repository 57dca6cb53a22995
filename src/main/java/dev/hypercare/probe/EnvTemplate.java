package dev.hypercare.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code ${NAME}} placeholders filled from an environment map when a probe runs, so that
 * tokens and the demo target's random ports never have to be written into probes.yaml. Parsed once
 * at load time; {@link #toString()} is the text as written, never the resolved value.
 */
public final class EnvTemplate {
    public static final String EXPECTED_REFERENCE = "placeholders written ${NAME} with NAME of A-Z, 0-9 and _";
    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private final String written;
    private final List<String> parts; // literal, name, literal, name, ... literal

    private EnvTemplate(String written, List<String> parts) {
        this.written = written;
        this.parts = List.copyOf(parts);
    }

    /** The template, or empty when a {@code $\{} is unclosed or names no valid variable. */
    public static Optional<EnvTemplate> parse(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("${", from);
            if (open < 0) {
                parts.add(text.substring(from));
                return Optional.of(new EnvTemplate(text, parts));
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                return Optional.empty();
            }
            String name = text.substring(open + 2, close);
            if (!NAME.matcher(name).matches()) {
                return Optional.empty();
            }
            parts.add(text.substring(from, open));
            parts.add(name);
            from = close + 1;
        }
    }

    /** The variables this template reads, in order. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /** The first variable {@code env} lacks. */
    Optional<String> missingIn(Map<String, String> env) {
        return variables().stream().filter(name -> !env.containsKey(name)).findFirst();
    }

    /** The text with every placeholder filled; a variable missing at run time fails loudly without its neighbours' values. */
    public String resolve(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
            } else {
                String value = env.get(parts.get(i));
                if (value == null) {
                    throw new IllegalStateException("environment variable " + parts.get(i) + " is not set");
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    public boolean hasPlaceholders() {
        return parts.size() > 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvTemplate t && t.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    /** As written, placeholders unresolved: safe to show. */
    @Override
    public String toString() {
        return written;
    }
}
