package dev.hypercare.probe;

/**
 * Where a probe's time went. Each prober records only the phases it can measure honestly and says,
 * per phase, what the number includes; a phase it cannot separate is simply absent.
 */
public enum Phase {
    /** Name resolution, timed by the prober itself before connecting (the JVM's resolver cache applies). */
    DNS,
    /** TCP connect; for WebSockets, connect through the finished upgrade handshake (TLS included for wss). */
    CONNECT,
    /** The TLS handshake alone (tls probes only). */
    TLS,
    /** Request sent to response headers (HTTP; includes connect and TLS, which the JDK client does not expose), or message sent to matching reply (WebSocket). */
    PROCESSING,
    /** Response headers to the end of the body (HTTP). */
    TRANSFER;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
