package dev.hypercare.profile;

import java.time.Duration;

/**
 * HTTP load. Open model (launch traffic): users arrive at {@code usersPerSecond} during the hold,
 * ramping from {@code startUsersPerSecond} during ramp-up and back to it during ramp-down, whatever the
 * target's speed (a slow target piles users up instead of slowing arrivals, as real launches do).
 * Closed model (capacity and benchmark runs): {@code concurrentUsers} users, each repeating journeys
 * on its own kept-alive connections until the run ends. A profile uses exactly one of the two.
 */
public record HttpTraffic(
        Double usersPerSecond,
        Integer concurrentUsers,
        Double startUsersPerSecond,
        JourneyMix journeys,
        Integer apiCallsPerMember,
        Double readRatio,
        ThinkTime thinkTime,
        Duration requestTimeout) {

    public static final JourneyMix DEFAULT_MIX = new JourneyMix(20.0, 60.0, 20.0);

    public HttpTraffic {
        usersPerSecond = usersPerSecond == null && concurrentUsers == null ? null
                : usersPerSecond == null ? 0.0 : usersPerSecond;
        concurrentUsers = concurrentUsers == null ? 0 : concurrentUsers;
        startUsersPerSecond = startUsersPerSecond == null ? 0.0 : startUsersPerSecond;
        journeys = journeys == null ? DEFAULT_MIX : journeys;
        apiCallsPerMember = apiCallsPerMember == null ? 5 : apiCallsPerMember;
        readRatio = readRatio == null ? 0.8 : readRatio;
        thinkTime = thinkTime == null ? ThinkTime.DEFAULT : thinkTime;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }

    public boolean closedModel() {
        return concurrentUsers > 0;
    }

    public boolean sendsTraffic() {
        return usersPerSecond > 0 || concurrentUsers > 0;
    }

    HttpTraffic scaled(double factor) {
        return new HttpTraffic(
                usersPerSecond * factor, Scaling.count(concurrentUsers, factor), startUsersPerSecond * factor,
                journeys, apiCallsPerMember, readRatio, thinkTime, requestTimeout);
    }
}
