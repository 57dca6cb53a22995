package dev.hypercare.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket side of the target: channel subscriptions, heartbeats, echo and the periodic broadcast.
 * Java-WebSocket serves every connection from one selector thread and a few decoder threads, so thousands
 * of idle sockets cost buffers, not threads. The listener can be closed and reopened on the same port
 * (a {@code down} outage); subscriptions live with their connections and go with them.
 */
final class WebSocketHub implements AutoCloseable {

    static final String PATH = "/ws";
    static final int MAX_CHANNELS_PER_CONNECTION = 100;
    /** Java-WebSocket pings each connection this often and drops those that stay silent twice as long. */
    private static final int CONNECTION_LOST_TIMEOUT_SECONDS = 60;
    /** Room for a burst of connects (a load test ramping up) without the kernel dropping SYNs. */
    private static final int BACKLOG = 1024;
    private static final long START_TIMEOUT_MILLIS = 5_000;
    private static final int STOP_TIMEOUT_MILLIS = 2_000;

    private final Counters counters;
    private final Map<String, Set<WebSocket>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicBoolean broadcastFailureReported = new AtomicBoolean();
    private final AtomicBoolean serverFailureReported = new AtomicBoolean();
    private volatile Listener listener;

    WebSocketHub(Counters counters, Duration broadcastInterval) {
        this.counters = counters;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hypercare-target-broadcast");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = broadcastInterval.toNanos();
        ticker.scheduleAtFixedRate(this::broadcastTick, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Binds {@code address} and starts serving; returns the bound port once connections are accepted. */
    int open(InetSocketAddress address) throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the WebSocket listener is already open");
        }
        // bound here, not on the library's selector thread, so a taken port fails this call synchronously
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, BACKLOG);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Listener opened = new Listener(channel);
        opened.setReuseAddr(true);
        opened.setTcpNoDelay(true);
        opened.setConnectionLostTimeout(CONNECTION_LOST_TIMEOUT_SECONDS);
        opened.setDaemon(true);
        opened.start();
        opened.awaitStart();
        listener = opened;
        return opened.getPort();
    }

    /** Drops every connection abruptly and closes the listener: new connections are refused. */
    void shut() {
        Listener closing = listener;
        listener = null;
        if (closing == null) {
            return;
        }
        drop(closing);
        closing.stopQuietly();
    }

    /** Closes every open connection without a close handshake, as a network failure would; returns how many. */
    int dropAll() {
        Listener current = listener;
        return current == null ? 0 : drop(current);
    }

    long connections() {
        return counters.webSocketConnections.sum();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        shut();
    }

    private int drop(Listener from) {
        int dropped = 0;
        for (WebSocket connection : from.getConnections()) {
            if (connection.isOpen()) {
                // closes the TCP connection with no close frame: the client sees 1006, abnormal closure
                connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by fault injection");
                dropped++;
            }
        }
        return dropped;
    }

    /** One tick for all channels: each message is serialized once and framed once per channel. */
    private void broadcastTick() {
        try {
            Listener current = listener;
            long seq = ticks.incrementAndGet();
            if (current == null) {
                return;
            }
            long sentAt = System.currentTimeMillis();
            subscribers.forEach((channel, sockets) -> {
                // a socket closed while subscribing may linger here: prune it rather than leak it
                sockets.removeIf(WebSocket::isClosed);
                if (sockets.isEmpty()) {
                    subscribers.computeIfPresent(channel, (name, members) -> members.isEmpty() ? null : members);
                    return;
                }
                current.broadcast(WebSocketProtocol.broadcast(channel, seq, sentAt), sockets);
                counters.broadcastsSent.add(sockets.size());
            });
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep broadcasting, but say what happened once
            if (broadcastFailureReported.compareAndSet(false, true)) {
                System.err.println("hypercare target: a broadcast failed (broadcasting goes on): " + e);
            }
        }
    }

    private void onText(WebSocket connection, String text) {
        counters.webSocketMessagesIn.increment();
        switch (WebSocketProtocol.parse(text)) {
            case WebSocketProtocol.Subscribe subscribe -> subscribe(connection, subscribe.channel());
            case WebSocketProtocol.Unsubscribe unsubscribe -> {
                unsubscribe(connection, unsubscribe.channel());
                send(connection, WebSocketProtocol.unsubscribed(unsubscribe.channel()));
            }
            case WebSocketProtocol.Heartbeat heartbeat -> send(connection, WebSocketProtocol.heartbeatAck(heartbeat.seq()));
            case WebSocketProtocol.Other other -> send(connection, text);
        }
    }

    /** Sends unless the connection closed meanwhile (a drop, a client leaving): nobody is left to answer. */
    private static void send(WebSocket connection, String text) {
        try {
            connection.send(text);
        } catch (WebsocketNotConnectedException closed) {
            // the library would log this as an error on every race; it is normal under load
        }
    }

    private void subscribe(WebSocket connection, String channel) {
        Set<String> channels = channelsOf(connection);
        if (!channels.contains(channel) && channels.size() >= MAX_CHANNELS_PER_CONNECTION) {
            send(connection, WebSocketProtocol.error("at most " + MAX_CHANNELS_PER_CONNECTION + " channels per connection"));
            return;
        }
        channels.add(channel);
        subscribers.compute(channel, (name, sockets) -> {
            Set<WebSocket> members = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            members.add(connection);
            return members;
        });
        send(connection, WebSocketProtocol.subscribed(channel));
    }

    private void unsubscribe(WebSocket connection, String channel) {
        channelsOf(connection).remove(channel);
        // an empty channel is removed, so arbitrary channel names cannot pile up
        subscribers.computeIfPresent(channel, (name, sockets) -> {
            sockets.remove(connection);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    private static Set<String> channelsOf(WebSocket connection) {
        Set<String> channels = connection.getAttachment();
        return channels == null ? Set.of() : channels;
    }

    /** One listening socket; Java-WebSocket servers cannot be restarted, so each reopen makes a new one. */
    private final class Listener extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile Exception startFailure;

        Listener(ServerSocketChannel channel) {
            super(channel);
        }

        void awaitStart() throws IOException {
            try {
                if (!started.await(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    stopQuietly();
                    throw new IOException("the WebSocket server did not start within " + START_TIMEOUT_MILLIS + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopQuietly();
                throw new IOException("interrupted while starting the WebSocket server", e);
            }
            if (startFailure != null) {
                stopQuietly();
                throw new IOException("the WebSocket server failed to start: " + startFailure.getMessage(), startFailure);
            }
        }

        void stopQuietly() {
            try {
                stop(STOP_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
                WebSocket connection, Draft draft, ClientHandshake request) throws InvalidDataException {
            String resource = request.getResourceDescriptor();
            int query = resource.indexOf('?');
            String path = query < 0 ? resource : resource.substring(0, query);
            if (!PATH.equals(path)) {
                // refused in the handshake: the client gets an HTTP 404 and no WebSocket
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "no WebSocket at " + path + "; use " + PATH);
            }
            return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            connection.setAttachment(ConcurrentHashMap.<String>newKeySet());
            counters.webSocketConnections.increment();
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            counters.webSocketConnections.decrement();
            for (String channel : Set.copyOf(channelsOf(connection))) {
                unsubscribe(connection, channel);
            }
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            onText(connection, message);
        }

        @Override
        public void onMessage(WebSocket connection, ByteBuffer message) {
            counters.webSocketMessagesIn.increment();
            try {
                connection.send(message);
            } catch (WebsocketNotConnectedException closed) {
                // closed meanwhile: nothing to echo to
            }
        }

        @Override
        public void onError(WebSocket connection, Exception error) {
            if (connection == null && started.getCount() > 0) {
                startFailure = error;
                started.countDown();
            }
            // errors on one connection close that connection; the library has already handled it.
            // A server-level error after start (e.g. accept failing for lack of file descriptors) is worth a line.
            if (connection == null && started.getCount() == 0 && serverFailureReported.compareAndSet(false, true)) {
                System.err.println("hypercare target: the WebSocket server reported: " + error);
            }
        }
    }
}
