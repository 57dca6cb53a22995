package dev.hypercare.simulations;

import java.time.Duration;

/**
 * Wall-clock anchors of one run, set when the simulation starts: sessions hold until the run's end and
 * a client-triggered storm fires at its offset.
 */
final class RunClock {
    private final Duration runLength;
    private final Duration stormOffset;
    private volatile long startMillis = Long.MAX_VALUE / 2;

    RunClock(Duration runLength, Duration stormOffset) {
        this.runLength = runLength;
        this.stormOffset = stormOffset;
    }

    void start() {
        startMillis = System.currentTimeMillis();
    }

    boolean beforeEnd() {
        return System.currentTimeMillis() < startMillis + runLength.toMillis();
    }

    Duration untilEnd() {
        return Duration.ofMillis(startMillis + runLength.toMillis() - System.currentTimeMillis());
    }

    boolean stormDue() {
        return System.currentTimeMillis() >= startMillis + stormOffset.toMillis();
    }
}
