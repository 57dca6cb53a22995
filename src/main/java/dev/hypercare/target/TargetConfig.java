package dev.hypercare.target;

import dev.hypercare.DurationText;

import dev.hypercare.BadInputException;
import dev.hypercare.BuildInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the demo target. A port of 0 means "any free port"; the ports actually bound are in the
 * URLs of the started {@link DemoTarget}.
 *
 * @param bindHost          address all three listeners bind to; loopback unless the user asked otherwise
 * @param httpPort          public HTTP API
 * @param webSocketPort     WebSocket server ({@code /ws})
 * @param adminPort         admin API; stays up during a {@code down} outage
 * @param faults            faults injected from the start
 * @param broadcastInterval time between two broadcasts to each subscribed channel
 * @param version           version reported by {@code /api/health}
 */
public record TargetConfig(
        String bindHost,
        int httpPort,
        int webSocketPort,
        int adminPort,
        Faults faults,
        Duration broadcastInterval,
        String version) {

    public TargetConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(broadcastInterval, "broadcastInterval");
        Objects.requireNonNull(version, "version");
        if (bindHost.isBlank()) {
            throw new BadInputException("bindHost: expected an address such as 127.0.0.1, found ''");
        }
        requirePort("httpPort", httpPort);
        requirePort("webSocketPort", webSocketPort);
        requirePort("adminPort", adminPort);
        if (broadcastInterval.isNegative() || broadcastInterval.toMillis() < 1) {
            throw new BadInputException("broadcastInterval: expected 1ms or more, found '"
                    + DurationText.format(broadcastInterval) + "'");
        }
    }

    /** Loopback, free ports, no faults, a broadcast every second, this build's version. */
    public static TargetConfig defaults() {
        return new TargetConfig(
                "127.0.0.1", 0, 0, 0, Faults.none(), Duration.ofSeconds(1), BuildInfo.current().hypercareVersion());
    }

    public TargetConfig withBindHost(String bindHost) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withHttpPort(int httpPort) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withWebSocketPort(int webSocketPort) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withAdminPort(int adminPort) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withFaults(Faults faults) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withBroadcastInterval(Duration broadcastInterval) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    public TargetConfig withVersion(String version) {
        return new TargetConfig(bindHost, httpPort, webSocketPort, adminPort, faults, broadcastInterval, version);
    }

    private static void requirePort(String field, int port) {
        if (port < 0 || port > 65_535) {
            throw new BadInputException(field + ": expected a port from 0 (any free port) to 65535, found '" + port + "'");
        }
    }
}
