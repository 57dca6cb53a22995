package dev.hypercare.probe;

import java.time.Duration;

/**
 * How the runner judges what the probes see ({@code evaluation:} in probes.yaml): the policy's findings are
 * taken over the last {@code window}; a probe opens an incident after {@code failuresToOpen} consecutive
 * failures and resolves it after {@code successesToResolve} consecutive successes (flap suppression); at
 * most {@code maxConcurrent} probes run at once.
 */
public record Evaluation(Duration window, int failuresToOpen, int successesToResolve, int maxConcurrent) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_FAILURES_TO_OPEN = 3;
    public static final int DEFAULT_SUCCESSES_TO_RESOLVE = 2;
    public static final int DEFAULT_MAX_CONCURRENT = 64;

    public static Evaluation defaults() {
        return new Evaluation(DEFAULT_WINDOW, DEFAULT_FAILURES_TO_OPEN, DEFAULT_SUCCESSES_TO_RESOLVE, DEFAULT_MAX_CONCURRENT);
    }
}
