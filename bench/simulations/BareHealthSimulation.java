import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The peer for bench/http-throughput.sh: a plain Gatling 3.16 simulation as a Gatling user would
 * write it. 64 users each loop for the run's duration over the three health GETs of Hypercare's
 * monitor journey, with the same checks (status 200 and $.status == "UP"), no pauses.
 * Settings: -Dbench.target=http://127.0.0.1:8089 -Dbench.users=64 -Dbench.seconds=60
 */
public class BareHealthSimulation extends Simulation {
    private final String target = System.getProperty("bench.target", "http://127.0.0.1:8089");
    private final int users = Integer.getInteger("bench.users", 64);
    private final Duration length = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

    private final HttpProtocolBuilder protocol = http.baseUrl(target);

    private final ScenarioBuilder monitor = scenario("bare monitor")
            .during(length).on(
                    exec(http("health: live").get("/api/health/live").check(status().is(200), jsonPath("$.status").is("UP")))
                    .exec(http("health: ready").get("/api/health/ready").check(status().is(200), jsonPath("$.status").is("UP")))
                    .exec(http("health: combined").get("/api/health").check(status().is(200), jsonPath("$.status").is("UP"))));

    {
        setUp(monitor.injectOpen(atOnceUsers(users))).protocols(protocol);
    }
}
