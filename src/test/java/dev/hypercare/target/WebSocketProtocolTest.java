package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketProtocolTest {

    private static DemoTarget target;
    private WsClient client;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.start(TargetConfig.defaults().withBroadcastInterval(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @BeforeEach
    void connect() throws Exception {
        client = WsClient.connected(target.webSocketUrl());
    }

    @AfterEach
    void disconnect() throws Exception {
        client.closeBlocking();
    }

    @Test
    void subscribeIsConfirmed() throws Exception {
        client.send("{\"type\":\"subscribe\",\"channel\":\"launch\"}");
        assertThat(client.next()).isEqualTo("{\"type\":\"subscribed\",\"channel\":\"launch\"}");
    }

    @Test
    void subscriberReceivesBroadcastsWithIncreasingSeq() throws Exception {
        client.send("{\"type\":\"subscribe\",\"channel\":\"launch\"}");
        client.nextOfType("subscribed");
        long before = System.currentTimeMillis();
        JsonNode first = client.nextOfType("broadcast");
        JsonNode second = client.nextOfType("broadcast");
        for (JsonNode broadcast : new JsonNode[] {first, second}) {
            assertThat(broadcast.get("channel").asText()).isEqualTo("launch");
            assertThat(broadcast.get("seq").isIntegralNumber()).isTrue();
            assertThat(broadcast.get("sentAt").asLong()).isBetween(before - 1_000, System.currentTimeMillis());
        }
        assertThat(second.get("seq").asLong()).isGreaterThan(first.get("seq").asLong());
    }

    @Test
    void broadcastsGoOnlyToTheSubscribedChannel() throws Exception {
        WsClient other = WsClient.connected(target.webSocketUrl());
        try {
            other.send("{\"type\":\"subscribe\",\"channel\":\"other\"}");
            other.nextOfType("subscribed");
            client.send("{\"type\":\"subscribe\",\"channel\":\"launch\"}");
            client.nextOfType("subscribed");
            for (int i = 0; i < 3; i++) {
                assertThat(client.nextOfType("broadcast").get("channel").asText()).isEqualTo("launch");
                assertThat(other.nextOfType("broadcast").get("channel").asText()).isEqualTo("other");
            }
        } finally {
            other.closeBlocking();
        }
    }

    @Test
    void unsubscribeIsConfirmedAndStopsBroadcasts() throws Exception {
        client.send("{\"type\":\"subscribe\",\"channel\":\"launch\"}");
        client.nextOfType("subscribed");
        client.nextOfType("broadcast");
        client.send("{\"type\":\"unsubscribe\",\"channel\":\"launch\"}");
        client.nextOfType("unsubscribed");
        client.messages.clear();
        // three intervals with no broadcast: a tick already in flight at unsubscribe may still land first
        Thread.sleep(350);
        assertThat(client.messages.stream().filter(m -> m.contains("\"broadcast\"")).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void heartbeatIsAcknowledgedWithTheSameSeq() throws Exception {
        client.send("{\"type\":\"heartbeat\",\"seq\":7}");
        assertThat(client.next()).isEqualTo("{\"type\":\"heartbeat-ack\",\"seq\":7}");
        client.send("{\"type\":\"heartbeat\",\"seq\":123456789012}");
        assertThat(client.nextOfType("heartbeat-ack").get("seq").asLong()).isEqualTo(123456789012L);
    }

    @Test
    void anythingElseIsEchoedVerbatim() throws Exception {
        for (String message : new String[] {
            "hello", "{\"type\":\"chat\",\"text\":\"hi\"}", "{not json", "[1,2,3]", "{\"type\":\"subscribe\"}", " "
        }) {
            client.send(message);
            assertThat(client.next()).isEqualTo(message);
        }
    }

    @Test
    void messagesAreCounted() throws Exception {
        long before = target.stats().webSocketMessagesIn();
        client.send("one");
        client.next();
        client.send("two");
        client.next();
        assertThat(target.stats().webSocketMessagesIn()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void otherPathsAreRefusedInTheHandshake() throws Exception {
        URI wrong = URI.create(target.webSocketUrl().toString().replace("/ws", "/chat"));
        WsClient refused = new WsClient(wrong);
        assertThat(refused.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
        assertThat(refused.awaitClose()).isTrue();
    }

    @Test
    void queryStringOnTheWebSocketPathIsAccepted() throws Exception {
        WsClient withQuery = WsClient.connected(URI.create(target.webSocketUrl() + "?user=1"));
        try {
            withQuery.send("ping");
            assertThat(withQuery.next()).isEqualTo("ping");
        } finally {
            withQuery.closeBlocking();
        }
    }
}
