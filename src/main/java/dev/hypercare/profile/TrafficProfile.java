package dev.hypercare.profile;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One launch-traffic scenario (smoke, realistic, optimistic, worst-case): where to send load, its
 * shape, the HTTP journeys, the WebSocket sessions and an optional reconnect storm. Loaded and
 * validated by {@link ProfileLoader}; immutable, so {@code --scale} and {@code --duration} return copies.
 * The schema is documented in profiles/README.md.
 */
public record TrafficProfile(
        String name,
        String description,
        URI target,
        List<String> allowedTargets,
        Phases phases,
        HttpTraffic http,
        WebSocketTraffic websocket,
        ReconnectStorm reconnectStorm,
        Map<String, Object> policy) {

    public TrafficProfile {
        description = description == null ? "" : description;
        allowedTargets = allowedTargets == null ? List.of() : List.copyOf(allowedTargets);
        websocket = websocket == null ? WebSocketTraffic.none() : websocket;
        if (websocket.rampUp() == null && phases != null) {
            websocket = websocket.withRampUp(phases.rampUp()); // sockets open over the run's ramp-up by default
        }
        policy = policy == null ? Map.of() : Map.copyOf(policy);
    }

    public Optional<URI> targetUrl() {
        return Optional.ofNullable(target);
    }

    public Optional<ReconnectStorm> storm() {
        return Optional.ofNullable(reconnectStorm);
    }

    /** Every arrival rate and connection count multiplied by {@code factor}. */
    public TrafficProfile scaled(double factor) {
        return new TrafficProfile(
                name, description, target, allowedTargets, phases,
                http.scaled(factor), websocket.scaled(factor), reconnectStorm, policy);
    }

    /** The same profile holding the peak for {@code hold} instead. */
    public TrafficProfile withHold(java.time.Duration hold) {
        return new TrafficProfile(
                name, description, target, allowedTargets,
                new Phases(phases.rampUp(), hold, phases.rampDown()),
                http, websocket, reconnectStorm, policy);
    }

    /** The same profile aimed at {@code httpUrl}, with its WebSocket URL resolved against it unless given. */
    public TrafficProfile targeting(URI httpUrl, URI webSocketUrl) {
        return new TrafficProfile(
                name, description, httpUrl, allowedTargets, phases,
                http, websocket.withUrl(webSocketUrl), reconnectStorm, policy);
    }
}
