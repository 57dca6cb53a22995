package dev.hypercare.incident;

import dev.hypercare.probe.ProbeResult;

import java.time.Instant;
import java.util.Optional;

/**
 * Flap suppression for one probe, as gatus does it: the probe goes down after {@code failuresToOpen}
 * consecutive failures and comes back up after {@code successesToResolve} consecutive successes, so a
 * target that fails now and then opens no incident. Starts up, or down when a restart finds the probe's
 * incident still open (then its failures do not open a second one).
 * <p>Mutable and not thread-safe: the runner feeds each probe's results in order from one thread.
 */
public final class FlapFilter {
    private final String probe;
    private final Severity severity;
    private final int failuresToOpen;
    private final int successesToResolve;
    private boolean up;
    private int streak;
    private Instant streakStart;

    private FlapFilter(String probe, Severity severity, IncidentRules rules, boolean up) {
        this.probe = probe;
        this.severity = severity;
        this.failuresToOpen = rules.failuresToOpen();
        this.successesToResolve = rules.successesToResolve();
        this.up = up;
    }

    /** A filter for a probe believed up (a fresh start). */
    public static FlapFilter up(String probe, Severity severity, IncidentRules rules) {
        return new FlapFilter(probe, severity, rules, true);
    }

    /** A filter for a probe whose incident is open (restored after a restart). */
    public static FlapFilter down(String probe, Severity severity, IncidentRules rules) {
        return new FlapFilter(probe, severity, rules, false);
    }

    /**
     * Takes the probe's next result; returns the transition it completes, if any.
     *
     * @throws IllegalArgumentException if the result is another probe's
     */
    public Optional<ProbeTransition> observe(ProbeResult result) {
        if (!result.probe().equals(probe)) {
            throw new IllegalArgumentException("flap filter of probe '" + probe + "' given a result of probe '" + result.probe() + "'");
        }
        // The streak counts results that disagree with the current state; one that agrees breaks it.
        if (result.success() == up) {
            streak = 0;
            streakStart = null;
            return Optional.empty();
        }
        if (streak++ == 0) {
            streakStart = result.start();
        }
        if (up && streak >= failuresToOpen) {
            ProbeTransition down = new ProbeTransition.Down(probe, severity, streakStart, result.start(), streak,
                    result.reason(), result.message());
            flip();
            return Optional.of(down);
        }
        if (!up && streak >= successesToResolve) {
            ProbeTransition back = new ProbeTransition.Up(probe, streakStart, result.start(), streak);
            flip();
            return Optional.of(back);
        }
        return Optional.empty();
    }

    public boolean isUp() {
        return up;
    }

    public String probe() {
        return probe;
    }

    private void flip() {
        up = !up;
        streak = 0;
        streakStart = null;
    }
}
