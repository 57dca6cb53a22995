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
 * period, expect its ack and the next broadcast. A failed heartbeat is handled the way a real client
 * does: discard the socket, back off with jitter, reconnect and resubscribe, counted apart as
 * {@code ws: reconnect}. Each connection attempt gets its own socket name, so a crashed socket never
 * blocks the next one; the session tracks whether its current socket is open, so nothing is left open
 * and nothing is closed twice.
 */
final class WebSocketSessions {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    /** Sessions look at their socket this soon after a storm hits, rather than at their next heartbeat. */
    private static final long STORM_NOTICE_MILLIS = 250;

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
                .exec(session -> session.set("socket", 0).set("heartbeat", 0).set("open", false))
                .exec(connect(WS_CONNECT, WS_SUBSCRIBE, WS_SUBSCRIBED))
                .doIf(session -> !session.getBoolean("open")).then(reconnect())
                .asLongAs(session -> clock.beforeEnd() && session.getBoolean("open"))
                .on(exec(pause(session -> untilNextLook()))
                        .doIf(session -> clock.beforeEnd()).then(beat())
                        .doIf(Session::isFailed).then(exec(discard()).exec(reconnect()))
                        .doIf(this::clientStormDue).then(
                                exec(session -> session.set("stormed", true)),
                                exec(close(WS_CLOSE)).exec(reconnect())))
                .doIf(session -> session.getBoolean("open")).then(close(WS_CLOSE));
    }

    /** Opens a socket under a fresh name and subscribes; the session's "open" says whether both worked. */
    private ChainBuilder connect(String connectName, String subscribeName, String subscribedName) {
        String subscribe = "{\"type\":\"subscribe\",\"channel\":\"" + traffic.channel() + "\"}";
        ChainBuilder subscribed = exec(ws(subscribeName).wsName(WebSocketSessions::socket)
                .sendText(subscribe)
                .await(ACK_TIMEOUT)
                .on(ws.checkTextMessage(subscribedName)
                        .matching(jsonPath("$.type").is("subscribed"))
                        .check(jsonPath("$.channel").is(traffic.channel()))))
                .exec(session -> session.isFailed() ? session : session.set("open", true))
                // subscribed or not, the socket itself opened: a failed subscription is discarded like a failed beat
                .doIf(Session::isFailed).then(discard());
        return exec(session -> session.set("socket", session.getInt("socket") + 1).set("open", false))
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
        return exec(session -> session.set("heartbeat", session.getInt("heartbeat") + 1)).exec(send);
    }

    private ChainBuilder close(String name) {
        return exec(ws(name).wsName(WebSocketSessions::socket).close())
                .exec(session -> session.set("open", false));
    }

    /**
     * Closes a socket whose heartbeat or subscription failed: it may still be open (an answer timed out
     * or did not match) and must not leak. If it had already broken, Gatling records this close as KO
     * under {@code ws: discard}, a name gates leave out since the heartbeat already counted the failure.
     */
    private ChainBuilder discard() {
        return exec(close(WS_DISCARD)).exec(Session::markAsSucceeded);
    }

    /** Retries with backoff until subscribed again, out of attempts or out of time. */
    private ChainBuilder reconnect() {
        return exec(session -> session.markAsSucceeded().set("attempt", 0))
                .asLongAs(session -> !session.getBoolean("open") && session.getInt("attempt") < maxAttempts && clock.beforeEnd())
                .on(exec(session -> session.set("attempt", session.getInt("attempt") + 1))
                        .pause(session -> backoff.delay(session.getInt("attempt"), ThreadLocalRandom.current().nextDouble()))
                        .exec(connect(WS_RECONNECT, WS_RESUBSCRIBE, WS_RESUBSCRIBED))
                        .exec(Session::markAsSucceeded));
    }

    private boolean clientStormDue(Session session) {
        return storm.filter(s -> s.trigger() == StormTrigger.client).isPresent()
                && !session.contains("stormed")
                && clock.stormDue();
    }

    /**
     * Until the next heartbeat, with a little jitter so sockets do not beat in lockstep; but never past
     * the run's end, and just after a storm hits, so a storm reconnects all sessions at once instead of
     * over a heartbeat period.
     */
    private Duration untilNextLook() {
        long period = traffic.heartbeatPeriod().toMillis();
        long wait = period - ThreadLocalRandom.current().nextLong(Math.max(1, period / 10));
        if (storm.isPresent() && !clock.stormDue()) {
            wait = Math.min(wait, clock.untilStorm().toMillis() + STORM_NOTICE_MILLIS);
        }
        return Duration.ofMillis(Math.max(0, Math.min(wait, clock.untilEnd().toMillis())));
    }

    private Duration broadcastTimeout() {
        return Duration.ofMillis(Math.round(2_000 / traffic.expectedBroadcastsPerSecond()) + 500);
    }

    private static String socket(Session session) {
        return "socket-" + session.getInt("socket");
    }
}
