package dev.hypercare.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options shared by `gate` and `load`, which ends with the gate. */
final class GateOptions {
    enum FailOn { warn, fail }

    @Option(names = "--policy", paramLabel = "FILE", description = "SLO policy (default: profiles/slo.yaml); a profile's policy: section overrides it.")
    Path policy;

    @Option(names = "--baseline", paramLabel = "RUN_DIR", description = "A saved run to compare throughput and p95 with.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "warn|fail", defaultValue = "fail",
            description = "warn: GO-WITH-RISKS exits 1 too. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    boolean failOnWarn() {
        return failOn == FailOn.warn;
    }
}
