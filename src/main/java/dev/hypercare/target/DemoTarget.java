package dev.hypercare.target;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded demo target: a public HTTP API, a WebSocket server and an admin API, each on its own
 * port, with faults that can be changed while it runs. Load tests and probes point at it to produce
 * known good and known bad outcomes.
 *
 * <p>A {@code down} outage closes the public HTTP and WebSocket listeners; leaving it rebinds the same
 * ports, so clients configured with the first URLs reconnect to the same place. The admin API stays up.
 */
public final class DemoTarget implements AutoCloseable {

    /** Room for a load test's connection burst without the kernel refusing SYNs. */
    private static final int BACKLOG = 1024;

    private final TargetConfig config;
    private final String adminToken;
    private final Counters counters = new Counters();
    private final FaultInjector faults;
    // one virtual thread per request: injected latency parks cheaply instead of holding a pool thread
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final WebSocketHub hub;
    private final HttpApi api;
    // serializes fault changes, so outage transitions (close, rebind) never interleave
    private final ReentrantLock lifecycle = new ReentrantLock();
    // set under the lock when binding; volatile so the URL getters see them from any thread
    private volatile InetSocketAddress httpAddress;
    private volatile InetSocketAddress webSocketAddress;
    private volatile InetSocketAddress adminAddress;
    private HttpServer publicHttp; // null while down or closed
    private HttpServer admin;
    private boolean closed;

    private DemoTarget(TargetConfig config) {
        this.config = config;
        this.adminToken = randomToken();
        this.faults = new FaultInjector(config.faults());
        this.hub = new WebSocketHub(counters, config.broadcastInterval());
        TaskStore tasks = new TaskStore(TaskStore.DEFAULT_CAPACITY, InstantSource.system());
        AuthTokens tokens = new AuthTokens(InstantSource.system());
        HealthReport health = new HealthReport(config.version(), tasks, tokens, hub::connections);
        this.api = new HttpApi(faults, tasks, tokens, health, counters, config.version());
    }

    /** Binds all listeners and returns once each accepts connections; applies {@code config.faults()}. */
    public static DemoTarget start(TargetConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        DemoTarget target = new DemoTarget(config);
        try {
            target.bind();
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
        return target;
    }

    private void bind() throws IOException {
        InetAddress host = InetAddress.getByName(config.bindHost());
        lifecycle.lock();
        try {
            // the first bind resolves free ports (0); every later rebind reuses the ports found here
            httpAddress = new InetSocketAddress(host, config.httpPort());
            webSocketAddress = new InetSocketAddress(host, config.webSocketPort());
            openPublicListeners();
            httpAddress = publicHttp.getAddress();
            admin = httpServer(new InetSocketAddress(host, config.adminPort()), new AdminApi(this, adminToken));
            adminAddress = admin.getAddress();
            if (config.faults().outage() == Outage.DOWN) {
                closePublicListeners();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@code http://127.0.0.1:PORT}: the landing page, {@code /api/health}, {@code /api/tasks}. */
    public URI httpUrl() {
        return URI.create("http://" + hostPort(httpAddress));
    }

    /** {@code ws://127.0.0.1:PORT/ws} */
    public URI webSocketUrl() {
        return URI.create("ws://" + hostPort(webSocketAddress) + WebSocketHub.PATH);
    }

    /** {@code http://127.0.0.1:PORT/admin}; every request needs {@code Authorization: Bearer <adminToken>}. */
    public URI adminUrl() {
        return URI.create("http://" + hostPort(adminAddress) + "/admin");
    }

    public String adminToken() {
        return adminToken;
    }

    public Faults faults() {
        return faults.current();
    }

    /**
     * Replaces the faults in force. Entering a {@code down} outage closes the public listeners and drops
     * open connections; leaving it rebinds the same ports.
     *
     * @throws UncheckedIOException when leaving {@code down} and a port cannot be bound again; the target
     *     then stays down with its previous faults
     */
    public void setFaults(Faults next) {
        Objects.requireNonNull(next, "next");
        lifecycle.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the demo target is closed");
            }
            boolean wasDown = faults.current().outage() == Outage.DOWN;
            boolean goesDown = next.outage() == Outage.DOWN;
            if (!wasDown && goesDown) {
                closePublicListeners();
            } else if (wasDown && !goesDown) {
                openPublicListeners();
            }
            faults.set(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.unlock();
        }
    }

    /** Changes the faults in force atomically: {@code change} sees the current faults under the same lock. */
    public Faults updateFaults(java.util.function.UnaryOperator<Faults> change) {
        lifecycle.lock();
        try {
            Faults next = change.apply(faults.current());
            setFaults(next);
            return next;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Closes every open WebSocket abruptly (no close handshake); returns how many were open. */
    public int dropWebSockets() {
        return hub.dropAll();
    }

    /** What the target has served so far. */
    public TargetStats stats() {
        return counters.snapshot();
    }

    /** Stops every listener and thread; safe to call more than once. */
    @Override
    public void close() {
        lifecycle.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            hub.close();
            if (publicHttp != null) {
                publicHttp.stop(0);
                publicHttp = null;
            }
            if (admin != null) {
                admin.stop(0);
            }
            handlers.shutdownNow();
        } finally {
            lifecycle.unlock();
        }
    }

    private void openPublicListeners() throws IOException {
        publicHttp = httpServer(httpAddress, api);
        try {
            webSocketAddress = new InetSocketAddress(webSocketAddress.getAddress(), hub.open(webSocketAddress));
        } catch (IOException e) {
            publicHttp.stop(0);
            publicHttp = null;
            throw e;
        }
    }

    private void closePublicListeners() {
        hub.shut();
        if (publicHttp != null) {
            publicHttp.stop(0);
            publicHttp = null;
        }
    }

    private HttpServer httpServer(InetSocketAddress address, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(address, BACKLOG);
        server.setExecutor(handlers);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
