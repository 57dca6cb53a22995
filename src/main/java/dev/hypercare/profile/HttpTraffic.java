package dev.hypercare.profile;

import java.time.Duration;

/**
 * HTTP load as an open model: users arrive at {@code usersPerSecond} during the hold, ramping from
 * {@code startUsersPerSecond} during ramp-up and back to it during ramp-down, whatever the target's
 * speed (a slow target piles users up instead of slowing arrivals, as real launches do).
 */
public record HttpTraffic(
        Double usersPerSecond,
        Double startUsersPerSecond,
        JourneyMix journeys,
        Integer apiCallsPerMember,
        Double readRatio,
        ThinkTime thinkTime,
        Duration requestTimeout) {

    public static final JourneyMix DEFAULT_MIX = new JourneyMix(20.0, 60.0, 20.0);

    public HttpTraffic {
        startUsersPerSecond = startUsersPerSecond == null ? 0.0 : startUsersPerSecond;
        journeys = journeys == null ? DEFAULT_MIX : journeys;
        apiCallsPerMember = apiCallsPerMember == null ? 5 : apiCallsPerMember;
        readRatio = readRatio == null ? 0.8 : readRatio;
        thinkTime = thinkTime == null ? ThinkTime.DEFAULT : thinkTime;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }

    HttpTraffic scaled(double factor) {
        return new HttpTraffic(
                usersPerSecond * factor, startUsersPerSecond * factor,
                journeys, apiCallsPerMember, readRatio, thinkTime, requestTimeout);
    }
}
