package dev.hypercare.profile;

import java.net.URI;
import java.time.Duration;

/**
 * Long-lived WebSocket sessions: {@code connections} sockets open during {@code rampUp}, subscribe to
 * {@code channel}, check the broadcasts they receive, send a heartbeat every {@code heartbeatPeriod}
 * and stay open until the run ends.
 */
public record WebSocketTraffic(
        Integer connections,
        Duration rampUp,
        String path,
        URI url,
        String channel,
        Duration heartbeatPeriod,
        Double expectedBroadcastsPerSecond,
        Duration connectTimeout) {

    public WebSocketTraffic {
        path = path == null ? "/ws" : path;
        channel = channel == null ? "launch" : channel;
        heartbeatPeriod = heartbeatPeriod == null ? Duration.ofSeconds(5) : heartbeatPeriod;
        expectedBroadcastsPerSecond = expectedBroadcastsPerSecond == null ? 1.0 : expectedBroadcastsPerSecond;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    }

    public static WebSocketTraffic none() {
        return new WebSocketTraffic(0, null, null, null, null, null, null, null);
    }

    /** The URL sessions connect to: the explicit one, else the HTTP target's host with ws(s) and the path. */
    public URI resolveUrl(URI httpTarget) {
        if (url != null) {
            return url;
        }
        String scheme = "https".equals(httpTarget.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + httpTarget.getRawAuthority() + path);
    }

    WebSocketTraffic scaled(double factor) {
        return new WebSocketTraffic(
                Scaling.count(connections, factor), rampUp, path, url, channel,
                heartbeatPeriod, expectedBroadcastsPerSecond, connectTimeout);
    }

    WebSocketTraffic withRampUp(Duration ramp) {
        return new WebSocketTraffic(
                connections, ramp, path, url, channel, heartbeatPeriod, expectedBroadcastsPerSecond, connectTimeout);
    }

    WebSocketTraffic withUrl(URI resolved) {
        return new WebSocketTraffic(
                connections, rampUp, path, resolved, channel, heartbeatPeriod, expectedBroadcastsPerSecond, connectTimeout);
    }
}
