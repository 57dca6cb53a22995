package dev.hypercare.probe;

import java.time.Clock;
import java.util.Map;

/** Sends each probe to the prober of its kind; the switch is exhaustive, so a new kind does not compile without one. */
public final class ProbeDispatcher implements Prober {
    private final HttpProber http;
    private final WebSocketProber webSocket;
    private final TlsProber tls;

    /** {@code env} fills the {@code ${NAME}} placeholders of URLs and headers. */
    public ProbeDispatcher(Map<String, String> env) {
        this.http = new HttpProber(env);
        this.webSocket = new WebSocketProber(env);
        this.tls = new TlsProber(env);
    }

    @Override
    public ProbeResult probe(ProbeSpec spec, Clock clock) {
        return switch (spec) {
            case ProbeSpec.Http h -> http.probe(h, clock);
            case ProbeSpec.WebSocket w -> webSocket.probe(w, clock);
            case ProbeSpec.Tls t -> tls.probe(t, clock);
        };
    }
}
