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

    /**
     * Users in flight at the peak. Closed model: the count itself. Open model, by Little's law: arrivals
     * per second times the mean journey time, counting think time only (a visitor thinks once, a member
     * once before login and once before each API call, a monitor never), so real latency adds to it.
     */
    public double usersInFlight() {
        if (closedModel()) {
            return concurrentUsers;
        }
        JourneyMix mix = journeys;
        if (mix.total() == 0) {
            return 0;
        }
        double thinksPerJourney = (mix.visitor() + mix.member() * (1 + apiCallsPerMember)) / mix.total();
        double meanThinkSeconds = (thinkTime.min().toMillis() + thinkTime.max().toMillis()) / 2000.0;
        return usersPerSecond * thinksPerJourney * meanThinkSeconds;
    }

    /**
     * How long journeys begun before the end may take to finish: a member's worst case (each step's
     * longest think plus a timed-out request), at least 30 s. The injector stops after it regardless.
     */
    public Duration drainAllowance() {
        Duration worstJourney = thinkTime.max().plus(requestTimeout).multipliedBy(apiCallsPerMember + 2L);
        return worstJourney.compareTo(Duration.ofSeconds(30)) > 0 ? worstJourney : Duration.ofSeconds(30);
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
