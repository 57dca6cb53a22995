package dev.hypercare.load.probes;

import dev.hypercare.probe.ConditionResult;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Probe results for tests, at a given start and duration. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Samples() {}

    static ProbeResult ok(String probe, Instant start, Duration total) {
        return new ProbeResult(probe, "local", start, true, 200, Reason.OK, total, Map.of(),
                List.of(new ConditionResult("[STATUS] == 200", true, "[STATUS] (200) == 200")), Optional.empty(), "200 in " + total.toMillis() + "ms");
    }

    static ProbeResult refused(String probe, Instant start) {
        return new ProbeResult(probe, "local", start, false, -1, Reason.REFUSED, Duration.ofMillis(1), Map.of(), List.of(),
                Optional.empty(), "connection refused");
    }

    static ProbeResult status(String probe, Instant start, int status) {
        return new ProbeResult(probe, "local", start, false, status, Reason.STATUS, Duration.ofMillis(5), Map.of(),
                List.of(new ConditionResult("[STATUS] == 200", false, "[STATUS] (" + status + ") == 200")), Optional.empty(),
                status + " in 5ms; [STATUS] (" + status + ") == 200");
    }

    static ProbeResult slow(String probe, Instant start, Duration total) {
        return new ProbeResult(probe, "local", start, false, 200, Reason.CONDITION, total, Map.of(),
                List.of(new ConditionResult("[STATUS] == 200", true, "[STATUS] (200) == 200"),
                        new ConditionResult("[RESPONSE_TIME] < 500ms", false, "[RESPONSE_TIME] (" + total.toMillis() + "ms) < 500ms")),
                Optional.empty(), "200 in " + total.toMillis() + "ms; [RESPONSE_TIME] (" + total.toMillis() + "ms) < 500ms");
    }

    static ProbeSample sample(ProbeResult result) {
        return ProbeSample.of(result);
    }
}
