package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * WebSocket probes with the Java-WebSocket client: connect (with the subprotocol and headers), send one
 * text message, await a reply meeting {@code expect} (other messages, such as broadcasts, are skipped),
 * then close with the close handshake. Everything, close included, within the timeout.
 */
public final class WebSocketProber implements Prober {
    private final Map<String, String> env;

    public WebSocketProber(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public ProbeResult probe(ProbeSpec spec, Clock clock) {
        if (!(spec instanceof ProbeSpec.WebSocket ws)) {
            throw new IllegalArgumentException("not a websocket probe: " + spec.kind());
        }
        ProbeRun run = ProbeRun.start(spec, clock);
        ProbeRun.Either<ProbeRun.Endpoint> endpoint = run.resolve(ws.url(), ws.headers(), env);
        if (endpoint.failed()) {
            return endpoint.failure();
        }
        URI uri = endpoint.value().uri();
        Map<String, String> headers = endpoint.value().headers();
        long connectStart = System.nanoTime();
        Client client = new Client(uri, ws.subprotocol(), headers, run.remaining());
        try {
            return exchange(ws, client, run, connectStart);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.fail(Reason.ERROR, -1, "interrupted");
        } finally {
            if (client.closed.getCount() > 0) {
                client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "probe over");
            }
        }
    }

    private ProbeResult exchange(ProbeSpec.WebSocket ws, Client client, ProbeRun run, long connectStart) throws InterruptedException {
        boolean open = client.connectBlocking(Math.max(1, run.remaining().toMillis()), TimeUnit.MILLISECONDS);
        if (!open) {
            if (client.error != null) {
                Failures.Failure failure = Failures.classify(client.error);
                return failure.reason() == Reason.TIMEOUT ? run.timeout(-1, "no handshake") : run.fail(failure.reason(), -1, failure.message());
            }
            if (client.closed.getCount() == 0) {
                return run.fail(Reason.PROTOCOL, -1, "handshake refused (close code " + client.closeCode + ")");
            }
            return run.timeout(-1, "no handshake");
        }
        long sent = run.phase(Phase.CONNECT, connectStart);
        List<ConditionResult> results = new ArrayList<>();
        ws.send().ifPresent(client::send);
        if (ws.expect().isPresent()) {
            Condition expect = ws.expect().get();
            ConditionResult last = null;
            while (last == null || !last.ok()) {
                long left = run.remaining().toNanos();
                String message = left <= 0 ? null : client.messages.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    client.close();
                    if (client.closed.getCount() == 0 && client.remote) {
                        return run.fail(Reason.PROTOCOL, -1, "closed by the server (code " + client.closeCode + ") before a matching reply");
                    }
                    String lastSeen = last == null ? "no reply" : "no matching reply (last: " + last.resolved() + ")";
                    return run.result(false, -1, Reason.TIMEOUT, last == null ? List.of() : List.of(last), Optional.empty(),
                            lastSeen + " within the timeout of " + DurationText.format(ws.timeout()));
                }
                last = expect.evaluate(new Observation(-1, Duration.ofNanos(System.nanoTime() - sent), message, Optional.empty()));
            }
            results.add(last);
            run.phase(Phase.PROCESSING, sent);
        }
        client.close(CloseFrame.NORMAL, "probe done");
        long left = run.remaining().toNanos();
        if (left <= 0 || !client.closed.await(left, TimeUnit.NANOSECONDS)) {
            return run.result(false, -1, Reason.TIMEOUT, results, Optional.empty(), "no close handshake within the timeout of " + DurationText.format(ws.timeout()));
        }
        if (client.closeCode != CloseFrame.NORMAL) {
            return run.result(false, -1, Reason.PROTOCOL, results, Optional.empty(), "not closed cleanly (close code " + client.closeCode + ")");
        }
        Duration took = run.elapsed();
        String summary = (ws.expect().isPresent() ? "reply matched" : "connected") + " in " + DurationText.format(took);
        return run.judged(-1, ws.expect().stream().toList(), results, Optional.empty(), summary);
    }

    /** Records what the connection does, for bounded waits; no logic runs on the client's threads. */
    private static final class Client extends WebSocketClient {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile Exception error;
        volatile int closeCode;
        volatile boolean remote;

        Client(URI uri, Optional<String> subprotocol, Map<String, String> headers, Duration connectTimeout) {
            super(uri, draft(subprotocol), headers, (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
            setConnectionLostTimeout(0);
        }

        private static Draft_6455 draft(Optional<String> subprotocol) {
            return subprotocol.map(p -> new Draft_6455(List.of(), List.<IProtocol>of(new Protocol(p)))).orElseGet(Draft_6455::new);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            this.closeCode = code;
            this.remote = remote;
            closed.countDown();
        }

        @Override
        public void onError(Exception ex) {
            if (error == null) {
                error = ex;
            }
        }
    }
}
