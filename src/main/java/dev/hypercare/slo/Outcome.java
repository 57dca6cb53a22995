package dev.hypercare.slo;

/**
 * What one threshold says about the measured value. NO_DATA (too few samples) is never a pass.
 * SKIPPED: not judged, because the threshold compares with a baseline and none was given, or because
 * the source does not measure its scope at all (a load test has no probes); it never affects the verdict.
 */
public enum Outcome {
    PASS,
    WARN,
    FAIL,
    NO_DATA,
    SKIPPED
}
