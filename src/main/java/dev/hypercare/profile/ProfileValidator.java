package dev.hypercare.profile;

import dev.hypercare.DurationText;

import dev.hypercare.BadInputException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a bound profile must meet beyond its types. The first broken rule becomes the one-line
 * error; {@code where} turns a field path into "file:line" (or into what changed the profile).
 */
final class ProfileValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** A DNS name, an IPv4 address or a bracketed IPv6 address: hosts are compared without ports. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Sanity bounds: far above one injector's reach, low enough that no count can overflow. */
    private static final double MAX_RATE = 1_000_000;
    private static final int MAX_COUNT = 10_000_000;

    private final Function<String, String> where;

    ProfileValidator(Function<String, String> where) {
        this.where = where;
    }

    void validate(TrafficProfile p) {
        present(p.name(), "name", "a profile name");
        check(NAME.matcher(p.name()).matches(), "name", "a name of letters, digits, '.', '_' or '-'", quoted(p.name()));
        if (p.target() != null) {
            check(isHttpUrl(p.target()), "target", "an absolute http(s) URL like https://shop.example.com", quoted(p.target()));
        }
        List<String> allowed = p.allowedTargets();
        for (int i = 0; i < allowed.size(); i++) {
            String host = allowed.get(i);
            check(host != null && HOST.matcher(host).matches(), "allowedTargets[" + i + "]",
                    "a host name like shop.example.com (no scheme, port or path)", host == null ? "nothing" : quoted(host));
        }

        Phases phases = present(p.phases(), "phases", "a mapping with rampUp, hold and rampDown");
        present(phases.hold(), "phases.hold", DurationText.EXPECTED);
        positive(phases.hold(), "phases.hold");
        Duration run = phases.runLength();

        HttpTraffic http = present(p.http(), "http", "a mapping with usersPerSecond");
        atLeastZero(present(http.usersPerSecond(), "http.usersPerSecond",
                "a number >= 0 (or http.concurrentUsers for a closed model)"), "http.usersPerSecond");
        check(http.usersPerSecond() <= MAX_RATE, "http.usersPerSecond", "at most " + (long) MAX_RATE + " per second", number(http.usersPerSecond()));
        check(http.concurrentUsers() >= 0, "http.concurrentUsers", "an integer >= 0", http.concurrentUsers());
        check(http.concurrentUsers() <= MAX_COUNT, "http.concurrentUsers", "at most " + MAX_COUNT, http.concurrentUsers());
        check(!(http.usersPerSecond() > 0 && http.concurrentUsers() > 0), "http.concurrentUsers",
                "either http.usersPerSecond (open model) or http.concurrentUsers (closed model)", "both");
        atLeastZero(http.startUsersPerSecond(), "http.startUsersPerSecond");
        JourneyMix mix = http.journeys();
        atLeastZero(mix.visitor(), "http.journeys.visitor");
        atLeastZero(mix.member(), "http.journeys.member");
        atLeastZero(mix.monitor(), "http.journeys.monitor");
        if (http.sendsTraffic()) {
            check(mix.total() > 0, "http.journeys", "at least one journey weight above 0", "all weights 0");
        }
        check(http.apiCallsPerMember() >= 0, "http.apiCallsPerMember", "an integer >= 0", http.apiCallsPerMember());
        fraction(http.readRatio(), "http.readRatio");
        ThinkTime think = http.thinkTime();
        check(think.min().compareTo(think.max()) <= 0, "http.thinkTime.min",
                "at most http.thinkTime.max (" + DurationText.format(think.max()) + ")", DurationText.format(think.min()));
        positive(http.requestTimeout(), "http.requestTimeout");

        WebSocketTraffic ws = p.websocket();
        present(ws.connections(), "websocket.connections", "an integer >= 0");
        check(ws.connections() >= 0, "websocket.connections", "an integer >= 0", ws.connections());
        check(ws.connections() <= MAX_COUNT, "websocket.connections", "at most " + MAX_COUNT, ws.connections());
        check(ws.rampUp().compareTo(run) <= 0, "websocket.rampUp",
                "a ramp no longer than the run (" + DurationText.format(run) + " = phases.rampUp + hold + rampDown)",
                DurationText.format(ws.rampUp()));
        check(ws.path().startsWith("/"), "websocket.path", "a path starting with /", quoted(ws.path()));
        if (ws.url() != null) {
            check(isUrl(ws.url(), Set.of("ws", "wss")), "websocket.url", "an absolute ws(s) URL like wss://shop.example.com/ws", quoted(ws.url()));
        }
        check(CHANNEL.matcher(ws.channel()).matches(), "websocket.channel",
                "a channel name of 1-64 letters, digits, '.', '_' or '-'", quoted(ws.channel()));
        positive(ws.heartbeatPeriod(), "websocket.heartbeatPeriod");
        atLeastZero(ws.expectedBroadcastsPerSecond(), "websocket.expectedBroadcastsPerSecond");
        positive(ws.connectTimeout(), "websocket.connectTimeout");

        if (p.reconnectStorm() != null) {
            ReconnectStorm storm = p.reconnectStorm();
            check(ws.connections() > 0, "reconnectStorm", "websocket.connections above 0 for a storm to break", "0 connections");
            fraction(storm.atFractionOfHold(), "reconnectStorm.atFractionOfHold");
            Backoff backoff = storm.backoff();
            check(backoff.initial().compareTo(backoff.max()) <= 0, "reconnectStorm.backoff.initial",
                    "at most reconnectStorm.backoff.max (" + DurationText.format(backoff.max()) + ")", DurationText.format(backoff.initial()));
            check(backoff.multiplier() >= 1, "reconnectStorm.backoff.multiplier", "a number >= 1", number(backoff.multiplier()));
            fraction(backoff.jitter(), "reconnectStorm.backoff.jitter");
            check(storm.maxAttempts() >= 1, "reconnectStorm.maxAttempts", "an integer >= 1", storm.maxAttempts());
        }
        check(http.sendsTraffic() || ws.connections() > 0, "http.usersPerSecond",
                "some traffic: http.usersPerSecond, http.concurrentUsers or websocket.connections above 0", "neither");
    }

    private <T> T present(T value, String path, String expected) {
        if (value == null) {
            throw problem(path, expected, "nothing");
        }
        return value;
    }

    private void check(boolean ok, String path, String expected, Object found) {
        if (!ok) {
            throw problem(path, expected, found);
        }
    }

    private void atLeastZero(double value, String path) {
        check(value >= 0, path, "a number >= 0", number(value));
    }

    private void fraction(double value, String path) {
        check(value >= 0 && value <= 1, path, "a fraction between 0 and 1", number(value));
    }

    private void positive(Duration value, String path) {
        check(value.isPositive(), path, "a duration above 0", DurationText.format(value));
    }

    private BadInputException problem(String path, String expected, Object found) {
        return new BadInputException(where.apply(path) + ": " + path + ": expected " + expected + ", found " + found);
    }

    private static boolean isHttpUrl(URI uri) {
        return isUrl(uri, Set.of("http", "https"));
    }

    private static boolean isUrl(URI uri, Set<String> schemes) {
        return uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase()) && uri.getHost() != null;
    }

    private static String quoted(Object value) {
        return "'" + value + "'";
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
