package dev.hypercare.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP clients of the HTTP prober, such that every probe opens a connection of its own, as
 * blackbox_exporter does: connect and TLS are the target's time too, and a pooled connection would hide a
 * listener that stopped accepting.
 *
 * <p>A new client per probe does that, but costs about 1 ms of CPU each (a selector thread started and
 * stopped; bench/RESULTS.md §6). So when this JVM lets a request carry {@code Connection: close} (the
 * system property {@code jdk.httpclient.allowRestrictedHeaders} names {@code connection}; the CLI sets it
 * at start), one client per connect timeout is shared and every request asks the server to close the
 * connection after the response, which HTTP/1.1 obliges it to do. Otherwise it falls back to a client per
 * probe. Probes speak HTTP/1.1 either way, so that the header has a meaning.
 */
public final class FreshConnections {
    static final String ALLOW_RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

    private final boolean shareClients;
    private final ConcurrentMap<Duration, HttpClient> shared = new ConcurrentHashMap<>();

    /** Shares clients when this JVM allows {@code Connection: close}. */
    FreshConnections() {
        this(jvmAllowsConnectionClose());
    }

    /** For tests of both ways. */
    FreshConnections(boolean shareClients) {
        this.shareClients = shareClients;
    }

    /**
     * Lets requests carry {@code Connection: close}, keeping whatever else the property already allowed.
     * Takes effect only before the JDK's HTTP client is first used, so {@code main} calls it first.
     */
    public static void allowConnectionClose() {
        System.setProperty(ALLOW_RESTRICTED_HEADERS, allowingConnection(System.getProperty(ALLOW_RESTRICTED_HEADERS, "")));
    }

    /** The property's value with {@code connection} added, if it was not named already. */
    static String allowingConnection(String allowed) {
        String value = allowed.strip();
        boolean named = Arrays.stream(value.split(",")).map(String::strip).anyMatch("connection"::equalsIgnoreCase);
        return named ? value : value.isEmpty() ? "connection" : value + ",connection";
    }

    static boolean jvmAllowsConnectionClose() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Connection", "close");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }

    boolean sharesClients() {
        return shareClients;
    }

    /** A client for one probe run; close the lease when the run is over. */
    Lease lease(Duration connectTimeout) {
        return shareClients
                ? new Lease(shared.computeIfAbsent(connectTimeout, FreshConnections::newClient), false)
                : new Lease(newClient(connectTimeout), true);
    }

    private static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // The client's own thread does the exchange's work instead of handing each step to a pool
                // thread: a probe's steps are short and never block (BoundedBody only copies up to its cap),
                // and the hand-offs were a fifth of the runner's CPU at 1,000 probes/s (bench/RESULTS.md §6).
                .executor(Runnable::run)
                .build();
    }

    /** The client of one run, and whether the run owns it (and shuts it down) or shares it. */
    record Lease(HttpClient client, boolean owned) implements AutoCloseable {
        /** A shared client must be told not to keep the connection; an owned one dies with it. */
        HttpRequest.Builder prepare(HttpRequest.Builder request) {
            return owned ? request : request.header("Connection", "close");
        }

        @Override
        public void close() {
            if (owned) {
                client.shutdownNow();
            }
        }
    }
}
