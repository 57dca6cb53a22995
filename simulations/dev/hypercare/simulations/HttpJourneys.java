package dev.hypercare.simulations;

import static dev.hypercare.load.RequestNames.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import dev.hypercare.profile.HttpTraffic;
import dev.hypercare.profile.JourneyMix;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP journeys of a launch: a visitor reads the landing page; a member logs in and works with
 * the API (reads and writes in the profile's ratio); a monitor polls the health endpoints. The think
 * pauses per journey (visitor 1, member 1 + one per API call, monitor 0) are the ones
 * {@code HttpTraffic.usersInFlight()} counts.
 */
final class HttpJourneys {
    private final HttpTraffic traffic;
    private final RunClock clock;

    HttpJourneys(HttpTraffic traffic, RunClock clock) {
        this.traffic = traffic;
        this.clock = clock;
    }

    /**
     * Open model: each arriving user takes one journey. Closed model: each user repeats journeys until
     * its own moment of the ramp-down, drawn at random so concurrency falls linearly to zero.
     */
    ScenarioBuilder build() {
        ScenarioBuilder users = scenario("http users");
        return traffic.closedModel()
                ? users.exec(session -> session.set("leaveAt", clock.rampDownMillis(ThreadLocalRandom.current().nextDouble())))
                        .asLongAs(session -> System.currentTimeMillis() < session.getLong("leaveAt"))
                        .on(exec(journey()).exec(Session::markAsSucceeded))
                : users.exec(journey());
    }

    private ChainBuilder journey() {
        JourneyMix mix = traffic.journeys();
        return randomSwitch()
                .on(
                        percent(mix.percent(mix.visitor())).then(visitor()),
                        percent(mix.percent(mix.member())).then(member()),
                        percent(mix.percent(mix.monitor())).then(monitor()));
    }

    private ChainBuilder visitor() {
        return exec(landing()).exec(think());
    }

    private ChainBuilder member() {
        return exec(landing())
                .exec(think())
                .exec(http(LOGIN)
                        .post("/api/auth/login")
                        .body(StringBody(session -> "{\"username\":\"user-" + session.userId() + "\",\"password\":\"launch\"}"))
                        .check(status().is(200), jsonPath("$.token").saveAs("token")))
                // Without a token every later call would fail the same way: count the login failure once.
                .doIf(session -> !session.isFailed())
                .then(repeat(traffic.apiCallsPerMember()).on(exec(think()).exec(apiCall())));
    }

    private ChainBuilder apiCall() {
        double readPercent = 100.0 * traffic.readRatio();
        return randomSwitch()
                .on(
                        percent(readPercent).then(read()),
                        percent(100.0 - readPercent).then(exec(http(TASKS_CREATE)
                                .post("/api/tasks")
                                .header("Authorization", "Bearer #{token}")
                                .body(StringBody(session -> "{\"title\":\"launch task " + session.userId() + "\"}"))
                                .check(status().is(201), jsonPath("$.id").saveAs("taskId")))));
    }

    /** Half the reads list the newest tasks, half fetch one the user has seen. */
    private ChainBuilder read() {
        return doIfOrElse(session -> session.contains("taskId") && ThreadLocalRandom.current().nextBoolean())
                .then(exec(http(TASKS_GET)
                        .get("/api/tasks/#{taskId}")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), jsonPath("$.id").exists())))
                .orElse(exec(http(TASKS_LIST)
                        .get("/api/tasks")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200),
                                jsonPath("$.total").exists(),
                                jsonPath("$.tasks[0].id").optional().saveAs("taskId"))));
    }

    private ChainBuilder monitor() {
        return exec(http(HEALTH_LIVE).get("/api/health/live").check(status().is(200), jsonPath("$.status").is("UP")))
                .exec(http(HEALTH_READY).get("/api/health/ready").check(status().is(200), jsonPath("$.status").is("UP")))
                .exec(http(HEALTH_COMBINED).get("/api/health").check(status().is(200), jsonPath("$.status").is("UP")));
    }

    private ChainBuilder landing() {
        return exec(http(LANDING).get("/").header("Accept", "text/html").check(status().is(200), substring("<title>")));
    }

    private ChainBuilder think() {
        return pause(traffic.thinkTime().min(), traffic.thinkTime().max());
    }
}
