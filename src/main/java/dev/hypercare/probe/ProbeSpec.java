package dev.hypercare.probe;

import dev.hypercare.incident.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One probe from profiles/probes.yaml, checked and with its conditions parsed. One record per kind;
 * {@link ProbeDispatcher} picks the prober with an exhaustive switch. URLs and header values stay
 * templates: {@code ${NAME}} is filled from the environment when the probe runs.
 */
public sealed interface ProbeSpec {
    String name();

    EnvTemplate url();

    Duration interval();

    Duration timeout();

    String location();

    Severity severity();

    /** The kind as written in probes.yaml. */
    default String kind() {
        return switch (this) {
            case Http h -> "http";
            case WebSocket w -> "websocket";
            case Tls t -> "tls";
        };
    }

    /** An HTTP(S) request whose response must meet every condition. */
    record Http(String name, EnvTemplate url, Duration interval, Duration timeout, String location, Severity severity,
                String method, SecretHeaders headers, List<Condition> conditions, long maxBodyBytes, int followRedirects)
            implements ProbeSpec {
        public Http {
            conditions = List.copyOf(conditions);
        }
    }

    /** Open a WebSocket, optionally send one text message and await a reply meeting {@code expect}, then close cleanly. */
    record WebSocket(String name, EnvTemplate url, Duration interval, Duration timeout, String location, Severity severity,
                     Optional<String> subprotocol, SecretHeaders headers, Optional<String> send, Optional<Condition> expect)
            implements ProbeSpec {}

    /** A TLS handshake whose peer certificate must not expire within {@code warnDays} (warn) or {@code criticalDays} (fail). */
    record Tls(String name, EnvTemplate url, Duration interval, Duration timeout, String location, Severity severity,
               int warnDays, int criticalDays)
            implements ProbeSpec {}
}
