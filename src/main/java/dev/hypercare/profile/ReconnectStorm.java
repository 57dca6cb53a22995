package dev.hypercare.profile;

import java.time.Duration;

/**
 * Part-way through the hold every socket breaks and all sessions reconnect with backoff and jitter.
 * The moment is a fraction of the hold, so the storm still lands inside a run shortened by
 * {@code --duration}.
 */
public record ReconnectStorm(Double atFractionOfHold, StormTrigger trigger, Backoff backoff, Integer maxAttempts) {
    public ReconnectStorm {
        atFractionOfHold = atFractionOfHold == null ? 0.5 : atFractionOfHold;
        trigger = trigger == null ? StormTrigger.target : trigger;
        backoff = backoff == null ? Backoff.defaults() : backoff;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    }

    /** When the storm hits, from the start of the run. */
    public Duration offset(Phases phases) {
        return phases.rampUp().plusMillis(Math.round(phases.hold().toMillis() * atFractionOfHold));
    }
}
