package dev.hypercare.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request headers of a probe. Their values are secrets (tokens, API keys), whether written inline or
 * through {@code ${NAME}}: nothing here ever prints them, so a spec, a result or an error can be logged
 * as is. Only {@link #resolve} exposes them, to the prober that sends them.
 */
public final class SecretHeaders {
    private static final SecretHeaders NONE = new SecretHeaders(Map.of());
    private final Map<String, EnvTemplate> values;

    SecretHeaders(Map<String, EnvTemplate> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Headers named in order, values as templates (filled from the environment when sent). */
    public static SecretHeaders of(Map<String, EnvTemplate> values) {
        return values.isEmpty() ? NONE : new SecretHeaders(values);
    }

    public static SecretHeaders none() {
        return NONE;
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Name to value with placeholders filled from {@code env}; for sending only. */
    public Map<String, String> resolve(Map<String, String> env) {
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((name, template) -> resolved.put(name, template.resolve(env)));
        return resolved;
    }

    /** The environment variables the values read: their values are secrets too, even quoted apart from the header. */
    public List<String> variables() {
        return values.values().stream().flatMap(t -> t.variables().stream()).distinct().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretHeaders h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Names only: {@code {Authorization=<redacted>}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (String name : values.keySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(name).append("=<redacted>");
        }
        return out.append('}').toString();
    }
}
