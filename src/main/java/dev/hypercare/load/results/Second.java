package dev.hypercare.load.results;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * What happened in one wall-clock second of a run, keyed by the second a request ended in: counts per
 * request name, HTTP and WebSocket latency (2 significant digits, enough for a window's percentiles in
 * a few KiB), users that started and ended, sockets opened and closed. Read-only outside this package.
 */
public final class Second {
    private final long epochSecond;
    long httpOk;
    long httpKo;
    long webSocketOk;
    long webSocketKo;
    long usersStarted;
    long usersEnded;
    long socketsOpened;
    long socketsClosed;
    long connectAttempts;
    long connectFailures;
    final AbstractHistogram httpLatency = new IntCountsHistogram(2);
    final AbstractHistogram webSocketLatency = new IntCountsHistogram(2);
    final Map<String, long[]> byName = new HashMap<>();

    Second(long epochSecond) {
        this.epochSecond = epochSecond;
    }

    public long epochSecond() {
        return epochSecond;
    }

    public long httpRequests() {
        return httpOk + httpKo;
    }

    public long httpFailures() {
        return httpKo;
    }

    public long webSocketRecords() {
        return webSocketOk + webSocketKo;
    }

    public long webSocketFailures() {
        return webSocketKo;
    }

    public long usersStarted() {
        return usersStarted;
    }

    public long usersEnded() {
        return usersEnded;
    }

    public long socketsOpened() {
        return socketsOpened;
    }

    public long socketsClosed() {
        return socketsClosed;
    }

    public long connectAttempts() {
        return connectAttempts;
    }

    public long connectFailures() {
        return connectFailures;
    }

    /** {ok, ko} of one request name in this second; zeros when it did not occur. */
    public long[] counts(String name) {
        long[] counts = byName.get(name);
        return counts == null ? new long[2] : counts.clone();
    }

    /** HTTP latency percentile of this second in ms, -1 when no HTTP request ended in it. */
    public long httpPercentileMillis(double percentile) {
        return httpLatency.getTotalCount() == 0 ? -1 : httpLatency.getValueAtPercentile(percentile);
    }

    void addHttpLatencyTo(AbstractHistogram into) {
        into.add(httpLatency);
    }

    void addWebSocketLatencyTo(AbstractHistogram into) {
        into.add(webSocketLatency);
    }

    /** This second plus the same second of another shard. */
    Second plus(Second other) {
        Second sum = new Second(epochSecond);
        for (Second s : new Second[] {this, other}) {
            sum.httpOk += s.httpOk;
            sum.httpKo += s.httpKo;
            sum.webSocketOk += s.webSocketOk;
            sum.webSocketKo += s.webSocketKo;
            sum.usersStarted += s.usersStarted;
            sum.usersEnded += s.usersEnded;
            sum.socketsOpened += s.socketsOpened;
            sum.socketsClosed += s.socketsClosed;
            sum.connectAttempts += s.connectAttempts;
            sum.connectFailures += s.connectFailures;
            sum.httpLatency.add(s.httpLatency);
            sum.webSocketLatency.add(s.webSocketLatency);
            s.byName.forEach((name, counts) -> {
                long[] into = sum.byName.computeIfAbsent(name, n -> new long[2]);
                into[0] += counts[0];
                into[1] += counts[1];
            });
        }
        return sum;
    }
}
