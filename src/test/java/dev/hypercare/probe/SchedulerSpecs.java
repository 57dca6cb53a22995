package dev.hypercare.probe;

import java.util.List;
import java.util.Map;

/** Specs for scheduler tests, loaded from probes.yaml text. Their URLs are never fetched: the tests' probers answer. */
final class SchedulerSpecs {
    private SchedulerSpecs() {}

    /** One probe per {@code "name interval timeout"}, e.g. {@code "fast 50ms 40ms"}, in order. */
    static List<ProbeSpec> of(String... probes) {
        StringBuilder yaml = new StringBuilder("probes:\n");
        for (String probe : probes) {
            String[] f = probe.split(" ");
            yaml.append("  - name: ").append(f[0]).append('\n')
                    .append("    kind: http\n")
                    .append("    url: http://127.0.0.1:9/").append(f[0]).append('\n')
                    .append("    interval: ").append(f[1]).append('\n')
                    .append("    timeout: ").append(f[2]).append('\n')
                    .append("    location: lab\n");
        }
        return ProbeConfig.parse("scheduler-test.yaml", yaml.toString(), Map.of()).probes();
    }
}
