package dev.hypercare.alert;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th failure in a row, wait between half and all of
 * {@code min(cap, base * 2^(n-1))}. The floor keeps the growth visible; the jitter keeps many outboxes
 * (one per probe location) from hammering a receiver that comes back in step. A receiver's Retry-After is
 * honoured up to {@code retryAfterCap}: the wait is never shorter than what it asked for, within that cap.
 */
record Backoff(Duration base, Duration cap, Duration retryAfterCap) {

    Duration delay(int failures, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceiling = cap.toMillis();
        int doublings = Math.max(0, failures - 1);
        if (doublings < 31) {
            ceiling = Math.min(ceiling, base.toMillis() << doublings);
        }
        long half = ceiling / 2;
        long jittered = half + random.nextLong(ceiling - half + 1);
        long asked = retryAfter.map(d -> Math.min(d.toMillis(), retryAfterCap.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }
}
