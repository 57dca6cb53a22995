package dev.hypercare.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A Java-WebSocket client that records what it receives and how it was closed, for bounded waits. */
final class WsClient extends WebSocketClient {

    private static final long WAIT_SECONDS = 5;

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;
    volatile boolean closedByRemote;

    WsClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0); // the tests decide when a connection is gone
    }

    /** A client connected to {@code uri}; fails the test if the handshake does not complete. */
    static WsClient connected(URI uri) throws InterruptedException {
        WsClient client = new WsClient(uri);
        if (!client.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("could not connect to " + uri);
        }
        return client;
    }

    /** The next message, waiting at most a few seconds. */
    String next() throws InterruptedException {
        String message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT_SECONDS + " s");
        }
        return message;
    }

    /** The next JSON message whose {@code type} is {@code type}, skipping others (e.g. broadcasts). */
    JsonNode nextOfType(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                break;
            }
            JsonNode node = json(message);
            if (type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("no '" + type + "' message within " + WAIT_SECONDS + " s");
    }

    boolean awaitClose() throws InterruptedException {
        return closed.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static JsonNode json(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closedByRemote = remote;
        closed.countDown();
    }

    @Override
    public void onError(Exception error) {}
}
