package dev.hypercare.simulations;

import dev.hypercare.profile.Phases;
import java.time.Duration;

/**
 * Wall-clock anchors of one run, set when the simulation starts: sessions hold until the run's end,
 * closed-model users leave during the ramp-down, and a storm fires at its offset.
 */
final class RunClock {
    private final Phases phases;
    private final Duration stormOffset;
    private volatile long startMillis = Long.MAX_VALUE / 2;

    RunClock(Phases phases, Duration stormOffset) {
        this.phases = phases;
        this.stormOffset = stormOffset;
    }

    void start() {
        startMillis = System.currentTimeMillis();
    }

    boolean beforeEnd() {
        return System.currentTimeMillis() < startMillis + phases.runLength().toMillis();
    }

    Duration untilEnd() {
        return Duration.ofMillis(startMillis + phases.runLength().toMillis() - System.currentTimeMillis());
    }

    /** A point of the ramp-down: {@code fraction} 0 is its start, 1 the run's end. */
    long rampDownMillis(double fraction) {
        long holdEnd = startMillis + phases.rampUp().plus(phases.hold()).toMillis();
        return holdEnd + Math.round(fraction * phases.rampDown().toMillis());
    }

    Duration untilStorm() {
        return Duration.ofMillis(startMillis + stormOffset.toMillis() - System.currentTimeMillis());
    }

    boolean stormDue() {
        return System.currentTimeMillis() >= startMillis + stormOffset.toMillis();
    }
}
