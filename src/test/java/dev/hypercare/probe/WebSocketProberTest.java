package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WebSocket server that accepts, then never replies: the probe must give up in about its timeout. */
class WebSocketProberTest {
    private MuteWebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MuteWebSocketServer();
        server.start();
        server.started.await();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(1000);
    }

    private String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/ws";
    }

    @Test
    void aServerThatNeverRepliesTimesOutInAboutTheTimeout() {
        ProbeSpec spec = Specs.one("kind: websocket\nurl: " + url() + "\ntimeout: 500ms\nsend: ping\nexpect: '[BODY] == \"pong\"'");
        ProbeResult result = new WebSocketProber(Map.of()).probe(spec, Clock.systemUTC());
        assertThat(result.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("no reply within the timeout of 500ms");
        assertThat(result.total()).isBetween(Duration.ofMillis(450), Duration.ofMillis(3500));
        assertThat(result.phases()).containsKey(Phase.CONNECT);
    }

    @Test
    void connectSendAndCloseWithoutExpectSucceedsAndSendsHeaders() {
        Map<String, String> env = Map.of("PROBE", "from-env");
        ProbeSpec spec = Specs.one(env, "kind: websocket\nurl: " + url() + "\nheaders:\n  X-Probe: ${PROBE}\nsend: hello");
        ProbeResult result = new WebSocketProber(env).probe(spec, Clock.systemUTC());
        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(result.reason()).isEqualTo(Reason.OK);
        assertThat(server.lastHeader).isEqualTo("from-env");
    }
}
