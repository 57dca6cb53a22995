package dev.hypercare.target;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TargetStats}: LongAdders, so hundreds of requests a second never contend. */
final class Counters {
    final LongAdder httpRequests = new LongAdder();
    /** Up on open, down on close: the number of connections open now. */
    final LongAdder webSocketConnections = new LongAdder();
    final LongAdder webSocketMessagesIn = new LongAdder();
    final LongAdder broadcastsSent = new LongAdder();

    TargetStats snapshot() {
        return new TargetStats(
                httpRequests.sum(), webSocketConnections.sum(), webSocketMessagesIn.sum(), broadcastsSent.sum());
    }
}
