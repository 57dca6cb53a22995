package dev.hypercare.profile;

import java.time.Duration;

/**
 * The run's shape, shared by HTTP arrivals and WebSocket sessions: arrivals ramp up, hold at the peak
 * rate, then ramp down. {@code --duration} replaces the hold.
 */
public record Phases(Duration rampUp, Duration hold, Duration rampDown) {
    public Phases {
        rampUp = rampUp == null ? Duration.ZERO : rampUp;
        rampDown = rampDown == null ? Duration.ZERO : rampDown;
    }

    public Duration runLength() {
        return rampUp.plus(hold).plus(rampDown);
    }
}
