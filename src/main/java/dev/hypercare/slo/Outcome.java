package dev.hypercare.slo;

/** What one threshold says about the measured value. NO_DATA (too few samples) is never a pass. */
public enum Outcome {
    PASS,
    WARN,
    FAIL,
    NO_DATA
}
