package dev.hypercare.simulations;

import static dev.hypercare.load.RequestNames.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import dev.hypercare.profile.Backoff;
import dev.hypercare.profile.ReconnectStorm;
import dev.hypercare.profile.StormTrigger;
import dev.hypercare.profile.WebSocketTraffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Long-lived WebSocket sessions: connect, subscribe, then until the run ends send a heartbeat every
 * period, expect its ack and the next broadcast. A missed ack or a dropped socket is handled the way a
 * real client does: close, back off with jitter, reconnect and resubscribe, counted apart as
 * {@code ws: reconnect}. Each connection attempt gets its own socket name, so a crashed socket never
 * blocks the next one.
 */
final class WebSocketSessions {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final WebSocketTraffic traffic;
    private final String url;
    private final RunClock clock;
    private final Optional<ReconnectStorm> storm;
    private final Backoff backoff;
    private final int maxAttempts;

    WebSocketSessions(WebSocketTraffic traffic, String url, RunClock clock, Optional<ReconnectStorm> storm) {
        this.traffic = traffic;
        this.url = url;
        this.clock = clock;
        this.storm = storm;
        this.backoff = storm.map(ReconnectStorm::backoff).orElse(Backoff.defaults());
        this.maxAttempts = storm.map(ReconnectStorm::maxAttempts).orElse(6);
    }

    ScenarioBuilder build() {
        return scenario("websocket sessions")
                .exec(session -> session.set("socket", 0).set("heartbeat", 0))
                .exec(connect(WS_CONNECT, WS_SUBSCRIBE, WS_SUBSCRIBED))
                .doIf(Session::isFailed).then(reconnect())
                .asLongAs(session -> clock.beforeEnd() && !session.contains("gaveUp"))
                .on(exec(pause(session -> untilNextBeat()))
                        .doIf(session -> clock.beforeEnd()).then(beat())
                        .doIf(Session::isFailed).then(exec(closeIfStillOpen()).exec(reconnect()))
                        .doIf(this::clientStormDue).then(
                                exec(session -> session.set("stormed", true)),
                                exec(close()).exec(reconnect())))
                .doIf(session -> !session.contains("gaveUp")).then(close());
    }

    /** Opens a socket under a fresh name and subscribes; {@code subscribedName} times the subscription ack. */
    private ChainBuilder connect(String connectName, String subscribeName, String subscribedName) {
        String subscribe = "{\"type\":\"subscribe\",\"channel\":\"" + traffic.channel() + "\"}";
        ChainBuilder subscribed = exec(ws(subscribeName).wsName(WebSocketSessions::socket)
                .sendText(subscribe)
                .await(ACK_TIMEOUT)
                .on(ws.checkTextMessage(subscribedName)
                        .matching(jsonPath("$.type").is("subscribed"))
                        .check(jsonPath("$.channel").is(traffic.channel()))));
        return exec(session -> session.set("socket", session.getInt("socket") + 1))
                .exec(ws(connectName).wsName(WebSocketSessions::socket).connect(url))
                .doIf(session -> !session.isFailed()).then(subscribed);
    }

    /** One heartbeat: ack expected within 5 s, then the next broadcast within two broadcast periods. */
    private ChainBuilder beat() {
        var send = ws(WS_HEARTBEAT).wsName(WebSocketSessions::socket)
                .sendText(session -> "{\"type\":\"heartbeat\",\"seq\":" + session.getInt("heartbeat") + "}")
                .await(ACK_TIMEOUT)
                .on(ws.checkTextMessage(WS_HEARTBEAT_ACK)
                        .matching(jsonPath("$.type").is("heartbeat-ack"))
                        .check(jsonPath("$.seq").ofInt().is(session -> session.getInt("heartbeat"))));
        if (traffic.expectedBroadcastsPerSecond() > 0) {
            send = send.await(broadcastTimeout())
                    .on(ws.checkTextMessage(WS_BROADCAST)
                            .matching(jsonPath("$.type").is("broadcast"))
                            .check(jsonPath("$.channel").is(traffic.channel())));
        }
        return exec(session -> session.set("heartbeat", session.getInt("heartbeat") + 1).set("beatStart", System.currentTimeMillis()))
                .exec(send);
    }

    private ChainBuilder close() {
        return exec(ws(WS_CLOSE).wsName(WebSocketSessions::socket).close());
    }

    /**
     * A heartbeat fails in one of two ways. The socket broke (Gatling already logged the KO, and closing
     * it would log a second, spurious KO), or an answer timed out on a socket that is still open and must
     * be closed before reconnecting. Only a timeout lasts as long as the shortest wait, which tells them apart.
     */
    private ChainBuilder closeIfStillOpen() {
        long shortestWait = Math.min(ACK_TIMEOUT.toMillis(),
                traffic.expectedBroadcastsPerSecond() > 0 ? broadcastTimeout().toMillis() : Long.MAX_VALUE);
        return doIf(session -> System.currentTimeMillis() - session.getLong("beatStart") >= shortestWait - 50).then(close());
    }

    /**
     * Retries with backoff until connected, out of attempts or out of time. A failed attempt's socket is
     * left behind (it never opened) and the next attempt takes a fresh name.
     */
    private ChainBuilder reconnect() {
        return exec(session -> session.markAsSucceeded().set("attempt", 0).remove("connected"))
                .asLongAs(session -> !session.contains("connected") && session.getInt("attempt") < maxAttempts && clock.beforeEnd())
                .on(exec(session -> session.set("attempt", session.getInt("attempt") + 1))
                        .pause(session -> backoff.delay(session.getInt("attempt"), ThreadLocalRandom.current().nextDouble()))
                        .exec(connect(WS_RECONNECT, WS_RESUBSCRIBE, WS_RESUBSCRIBED))
                        .exec(session -> session.isFailed()
                                ? session.markAsSucceeded()
                                : session.set("connected", true)))
                .exec(session -> session.contains("connected") || !clock.beforeEnd() ? session : session.set("gaveUp", true));
    }

    private boolean clientStormDue(Session session) {
        return storm.filter(s -> s.trigger() == StormTrigger.client).isPresent()
                && !session.contains("stormed")
                && clock.stormDue();
    }

    private Duration untilNextBeat() {
        long period = traffic.heartbeatPeriod().toMillis();
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, period / 10));
        return Duration.ofMillis(Math.min(period - jitter, Math.max(0, clock.untilEnd().toMillis())));
    }

    private Duration broadcastTimeout() {
        return Duration.ofMillis(Math.round(2_000 / traffic.expectedBroadcastsPerSecond()) + 500);
    }

    private static String socket(Session session) {
        return "socket-" + session.getInt("socket");
    }
}
