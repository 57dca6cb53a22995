package dev.hypercare.probe;

import java.net.InetSocketAddress;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server that accepts, then never replies: a probe must give up in about its timeout. */
public final class MuteWebSocketServer extends WebSocketServer {
    public final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    volatile String lastHeader;

    public MuteWebSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** Recorded before the server answers the handshake, so the prober cannot finish first. */
    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, org.java_websocket.drafts.Draft draft, ClientHandshake request)
            throws org.java_websocket.exceptions.InvalidDataException {
        lastHeader = request.getFieldValue("X-Probe");
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {} // never answers

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }
}
