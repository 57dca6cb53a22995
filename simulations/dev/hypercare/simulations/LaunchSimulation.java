package dev.hypercare.simulations;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import dev.hypercare.load.SimulationSettings;
import dev.hypercare.load.TargetSafety;
import dev.hypercare.profile.HttpTraffic;
import dev.hypercare.profile.Phases;
import dev.hypercare.profile.ProfileLoader;
import dev.hypercare.profile.ReconnectStorm;
import dev.hypercare.profile.StormTrigger;
import dev.hypercare.profile.TrafficProfile;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launch traffic from a Hypercare profile: HTTP journeys arriving as an open model, long-lived
 * WebSocket sessions and, for worst-case, a reconnect storm.
 *
 * <p>{@code hypercare load} runs it with a resolved profile. Run it by hand with
 * {@code ./mvnw gatling:test -Dgatling.simulationClass=dev.hypercare.simulations.LaunchSimulation
 * -Dhypercare.profile=profiles/smoke.yaml -Dhypercare.target=http://127.0.0.1:8080}.
 */
public class LaunchSimulation extends Simulation {
    private final TrafficProfile profile;
    private final RunClock clock;

    public LaunchSimulation() {
        SimulationSettings settings = SimulationSettings.fromSystem();
        TrafficProfile loaded = ProfileLoader.load(settings.profile());
        URI target = Optional.ofNullable(System.getProperty(SimulationSettings.TARGET_PROPERTY)).map(URI::create)
                .or(loaded::targetUrl)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no target: the profile has none; pass -D" + SimulationSettings.TARGET_PROPERTY + "=http://host:port"));
        URI webSocketUrl = Optional.ofNullable(System.getProperty(SimulationSettings.WEBSOCKET_URL_PROPERTY)).map(URI::create)
                .orElseGet(() -> loaded.websocket().resolveUrl(target));
        // Checked here too: this class also runs without the launcher (./mvnw gatling:test).
        TargetSafety.check("target", target, loaded.allowedTargets(), settings.allowTargets(), loaded.name());
        if (loaded.websocket().connections() > 0) {
            TargetSafety.check("websocket url", webSocketUrl, loaded.allowedTargets(), settings.allowTargets(), loaded.name());
        }
        profile = loaded.targeting(target, webSocketUrl);
        Phases phases = profile.phases();
        Duration stormOffset = profile.storm().map(s -> s.offset(phases)).orElse(phases.runLength());
        clock = new RunClock(phases, stormOffset);

        HttpProtocolBuilder protocol = http.baseUrl(target.toString())
                .disableWarmUp()
                // A redirect could lead load away from the checked host: record it, never follow it.
                .disableFollowRedirect()
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("hypercare-load");

        List<PopulationBuilder> populations = new ArrayList<>();
        HttpTraffic httpTraffic = profile.http();
        if (httpTraffic.closedModel()) {
            populations.add(new HttpJourneys(httpTraffic, clock).build().injectClosed(concurrency(phases, httpTraffic)));
        } else if (httpTraffic.sendsTraffic()) {
            populations.add(new HttpJourneys(httpTraffic, clock).build().injectOpen(arrivals(phases, httpTraffic)));
        }
        if (profile.websocket().connections() > 0) {
            populations.add(new WebSocketSessions(profile.websocket(), profile.websocket().url().toString(), clock, profile.storm())
                    .build()
                    .injectOpen(connections(profile.websocket().connections(), profile.websocket().rampUp())));
        }
        profile.storm().filter(s -> s.trigger() == StormTrigger.target).ifPresent(storm ->
                populations.add(stormTrigger(storm, stormOffset)));

        setUp(populations).protocols(protocol).maxDuration(phases.runLength().plus(httpTraffic.drainAllowance()));
    }

    @Override
    public void before() {
        clock.start();
    }

    private static OpenInjectionStep[] arrivals(Phases phases, HttpTraffic traffic) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        double start = traffic.startUsersPerSecond();
        double peak = traffic.usersPerSecond();
        if (phases.rampUp().isPositive()) {
            steps.add(rampUsersPerSec(start).to(peak).during(phases.rampUp()));
        }
        steps.add(constantUsersPerSec(peak).during(phases.hold()));
        if (phases.rampDown().isPositive()) {
            steps.add(rampUsersPerSec(peak).to(start).during(phases.rampDown()));
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    private static ClosedInjectionStep[] concurrency(Phases phases, HttpTraffic traffic) {
        List<ClosedInjectionStep> steps = new ArrayList<>();
        int users = traffic.concurrentUsers();
        if (phases.rampUp().isPositive()) {
            steps.add(rampConcurrentUsers(0).to(users).during(phases.rampUp()));
        }
        steps.add(constantConcurrentUsers(users).during(phases.hold()));
        if (phases.rampDown().isPositive()) {
            steps.add(rampConcurrentUsers(users).to(0).during(phases.rampDown()));
        }
        return steps.toArray(ClosedInjectionStep[]::new);
    }

    private static OpenInjectionStep connections(int count, Duration ramp) {
        return ramp.isPositive() ? rampUsers(count).during(ramp) : atOnceUsers(count);
    }

    private static PopulationBuilder stormTrigger(ReconnectStorm storm, Duration offset) {
        TargetStormTrigger trigger = TargetStormTrigger.fromSettings();
        return scenario("reconnect storm")
                .exec(session -> {
                    trigger.dropAllSockets();
                    return session;
                })
                .injectOpen(nothingFor(offset), atOnceUsers(1));
    }
}
