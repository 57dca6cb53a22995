package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every HTTP probe opens a connection of its own, whether the prober shares a client or not. The server
 * keeps a connection alive unless the request says {@code Connection: close}, so a probe that reused a
 * pooled connection would show here as fewer connections than probes.
 */
class FreshConnectionsTest {
    private ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> connectionHeaders = new ConcurrentLinkedQueue<>();
    private final List<Socket> open = new ArrayList<>();

    @BeforeEach
    void keepAliveServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket socket = listener.accept();
                    accepted.incrementAndGet();
                    synchronized (open) {
                        open.add(socket);
                    }
                    Thread.ofVirtual().start(() -> serve(socket));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    /** HTTP/1.1 keep-alive: answers requests on one connection until the client asks to close or goes away. */
    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                boolean close = false;
                for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                    if (header.regionMatches(true, 0, "Connection:", 0, 11)) {
                        String value = header.substring(11).strip();
                        connectionHeaders.add(value);
                        close = value.equalsIgnoreCase("close");
                    }
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + (close ? "Connection: close\r\n" : "") + "\r\nok")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client closed its end
        }
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        synchronized (open) {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @ParameterizedTest(name = "shared client: {0}")
    @ValueSource(booleans = {true, false})
    void everyProbeOpensItsOwnConnection(boolean shareClients) {
        HttpProber prober = new HttpProber(Map.of(), new FreshConnections(shareClients));
        ProbeSpec spec = Specs.one("kind: http\nurl: http://127.0.0.1:" + listener.getLocalPort() + "/live\ntimeout: 2s");
        for (int i = 0; i < 12; i++) {
            ProbeResult result = prober.probe(spec, Clock.systemUTC());
            assertThat(result.success()).as(result.toString()).isTrue();
        }
        assertThat(accepted.get()).as("connections for 12 probes").isEqualTo(12);
        if (shareClients) {
            assertThat(connectionHeaders).as("a shared client asks the server to close").containsOnly("close").hasSize(12);
        }
    }

    @Test
    void theTestJvmSharesClientsAsTheCliDoes() {
        assertThat(FreshConnections.jvmAllowsConnectionClose()).as("surefire sets the property the CLI sets at start").isTrue();
        assertThat(new FreshConnections().sharesClients()).isTrue();
    }

    @Test
    void allowingConnectionKeepsWhatWasAllowedBefore() {
        assertThat(FreshConnections.allowingConnection("")).isEqualTo("connection");
        assertThat(FreshConnections.allowingConnection("host")).isEqualTo("host,connection");
        assertThat(FreshConnections.allowingConnection(" host , Connection ")).isEqualTo("host , Connection");
        assertThat(FreshConnections.allowingConnection("connection")).isEqualTo("connection");
    }
}
