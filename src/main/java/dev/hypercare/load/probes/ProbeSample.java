package dev.hypercare.load.probes;

import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import java.time.Instant;

/**
 * One probe result as the gate of a load test needs it: which probe, when it started, whether it
 * succeeded, its total duration in microseconds, and, for a failure, why in a form that groups well
 * ({@code status: HTTP 503}, {@code condition: [BODY].status == "UP"}, {@code refused: connection refused}).
 *
 * @param failure empty for a success
 */
public record ProbeSample(String probe, Instant start, boolean success, long micros, String failure) {

    public static ProbeSample of(ProbeResult result) {
        long micros = Math.max(0, result.total().toNanos() / 1_000);
        return new ProbeSample(result.probe(), result.start(), result.success(), micros, result.success() ? "" : failure(result));
    }

    /**
     * Why a result failed, without the values that differ from one result to the next: a failed
     * condition is named as written ({@code [RESPONSE_TIME] < 500ms}), not as resolved ({@code (812ms)}).
     */
    static String failure(ProbeResult result) {
        Reason reason = result.reason();
        String detail = switch (reason) {
            case STATUS -> result.status() >= 0 ? "HTTP " + result.status() : "";
            case CONDITION -> result.conditions().stream().filter(c -> !c.ok()).map(c -> c.written()).findFirst().orElse("");
            default -> result.message();
        };
        detail = detail == null ? "" : detail.strip();
        return detail.isEmpty() || detail.equalsIgnoreCase(reason.text()) ? reason.text() : reason.text() + ": " + detail;
    }
}
