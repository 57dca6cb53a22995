package dev.hypercare.profile;

import java.time.Duration;

/**
 * Exponential reconnect backoff with jitter: attempt n waits
 * {@code min(max, initial * multiplier^(n-1))}, shortened by up to {@code jitter} of itself at random,
 * so a storm of clients does not reconnect in lockstep.
 */
public record Backoff(Duration initial, Duration max, Double multiplier, Double jitter) {
    public Backoff {
        initial = initial == null ? Duration.ofMillis(500) : initial;
        max = max == null ? Duration.ofSeconds(10) : max;
        multiplier = multiplier == null ? 2.0 : multiplier;
        jitter = jitter == null ? 0.5 : jitter;
    }

    public static Backoff defaults() {
        return new Backoff(null, null, null, null);
    }

    /** The wait before the given attempt (1-based), for a random draw {@code random} in [0, 1). */
    public Duration delay(int attempt, double random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 - jitter * random)));
    }
}
