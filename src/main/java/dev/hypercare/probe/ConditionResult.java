package dev.hypercare.probe;

/**
 * One condition after a probe: as written, whether it held, and as resolved with the observed value in
 * parentheses, e.g. {@code [BODY].status ("DOWN") == "UP"} or {@code [STATUS] (503) == 200}.
 */
public record ConditionResult(String written, boolean ok, String resolved) {}
