package dev.hypercare.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus text exposition parsed into samples, so tests compare values rather than substrings.
 * Understands the text format 0.0.4 and OpenMetrics text as Micrometer writes them: comments, names,
 * quoted label values with escapes, and the value (NaN, +Inf included).
 */
record Exposition(List<Sample> samples, Map<String, String> types) {

    record Sample(String name, Map<String, String> labels, double value) {}

    static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                types.put(parts[0], parts[1]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new Exposition(List.copyOf(samples), types);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("unquoted label value: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(switch (next) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("bad escape in " + line);
                        });
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).strip().split(" ");
        return new Sample(name, labels, value(rest[0]));
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Samples of {@code name} whose labels include every given pair ({@code key, value, key, value...}). */
    List<Sample> series(String name, String... labelPairs) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s.labels(), labelPairs)).toList();
    }

    /** The one sample of {@code name} with these labels, if there is one; fails when several match. */
    Optional<Double> value(String name, String... labelPairs) {
        List<Sample> found = series(name, labelPairs);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " match " + List.of(labelPairs) + ": " + found);
        }
        return found.stream().findFirst().map(Sample::value);
    }

    /** Every sample with this label pair, whatever its name. */
    List<Sample> withLabel(String key, String value) {
        return samples.stream().filter(s -> value.equals(s.labels().get(key))).toList();
    }

    private static boolean matches(Map<String, String> labels, String... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            if (!pairs[k + 1].equals(labels.get(pairs[k]))) {
                return false;
            }
        }
        return true;
    }
}
