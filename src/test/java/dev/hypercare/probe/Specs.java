package dev.hypercare.probe;

import java.util.Map;
import java.util.stream.Collectors;

/** Probe specs for tests, written as probes.yaml so the loader is exercised too. */
final class Specs {
    private Specs() {}

    /** The probe written in {@code fields} (one field a line, no indentation), named {@code t}. */
    static ProbeSpec one(Map<String, String> env, String fields) {
        String body = fields.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
        return ProbeConfig.parse("test.yaml", "probes:\n  - name: t\n" + body + "\n", env).probes().getFirst();
    }

    static ProbeSpec one(String fields) {
        return one(Map.of(), fields);
    }
}
