package dev.hypercare.load.results;

import dev.hypercare.load.RequestNames;
import dev.hypercare.load.log.LogRecordHandler;
import dev.hypercare.load.log.RunHeader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Folds simulation.log records into running totals; {@link #results} freezes them into a {@link RunResults}. */
final class ResultsCollector implements LogRecordHandler {
    private static final String HTTP = "all HTTP";
    private static final String WEB_SOCKET = "all WebSocket";

    private RunHeader header;
    private final Map<String, Tally> byName = new HashMap<>();
    private final Map<String, Tally> byGroup = new HashMap<>();
    private final Tally http = new Tally();
    private final Tally webSocket = new Tally();
    private final Map<String, Long> errors = new HashMap<>();
    private final TreeMap<Long, Second> seconds = new TreeMap<>();
    private long lastTimestamp = Long.MIN_VALUE;
    private long currentKey;
    private Second current;
    private long usersStarted;
    private long usersEnded;

    @Override
    public void run(RunHeader header) {
        this.header = header;
        lastTimestamp = header.startMillis();
    }

    @Override
    public void user(String scenario, boolean start, long timestampMillis) {
        Second second = second(timestampMillis);
        if (start) {
            second.usersStarted++;
            usersStarted++;
        } else {
            second.usersEnded++;
            usersEnded++;
        }
    }

    @Override
    public void request(List<String> groups, String name, long startMillis, long endMillis, boolean ok, String message) {
        long millis = Math.max(0, endMillis - startMillis);
        boolean ws = RequestNames.isWebSocket(name);
        Second second = second(endMillis);
        byName.computeIfAbsent(name, n -> new Tally()).add(millis, ok, message);
        (ws ? webSocket : http).add(millis, ok, message);
        if (!groups.isEmpty()) {
            byGroup.computeIfAbsent(String.join(" / ", groups), g -> new Tally()).add(millis, ok, message);
        }
        long[] counts = second.byName.computeIfAbsent(name, n -> new long[2]);
        counts[ok ? 0 : 1]++;
        if (ws) {
            if (ok) second.webSocketOk++; else second.webSocketKo++;
            second.webSocketLatency.recordValue(millis);
            countSockets(second, name, ok);
        } else {
            if (ok) second.httpOk++; else second.httpKo++;
            second.httpLatency.recordValue(millis);
        }
        if (!ok && !message.isEmpty()) {
            Errors.count(errors, message);
        }
    }

    /** Opened on a successful (re)connect; gone after a close or a discard, whatever its status. */
    private static void countSockets(Second second, String name, boolean ok) {
        switch (name) {
            case RequestNames.WS_CONNECT, RequestNames.WS_RECONNECT -> {
                second.connectAttempts++;
                if (ok) second.socketsOpened++; else second.connectFailures++;
            }
            case RequestNames.WS_CLOSE, RequestNames.WS_DISCARD -> second.socketsClosed++;
            default -> { }
        }
    }

    @Override
    public void group(List<String> groups, long startMillis, long endMillis, int cumulatedResponseTimeMillis, boolean ok) {
        second(endMillis);
    }

    @Override
    public void error(String message, long timestampMillis) {
        second(timestampMillis);
        Errors.count(errors, message);
    }

    private Second second(long epochMillis) {
        lastTimestamp = Math.max(lastTimestamp, epochMillis);
        long key = Math.floorDiv(epochMillis, 1000);
        // Records come nearly in time order: keeping the current second spares a boxed key and a tree
        // lookup per record (most of the reader's allocation, measured in bench/).
        if (key != currentKey || current == null) {
            current = seconds.computeIfAbsent(key, Second::new);
            currentKey = key;
        }
        return current;
    }

    RunResults results(boolean truncated, long records) {
        Map<String, RequestStats> names = new HashMap<>();
        byName.forEach((name, tally) -> names.put(name, tally.freeze(name)));
        Map<String, RequestStats> groups = new HashMap<>();
        byGroup.forEach((group, tally) -> groups.put(group, tally.freeze(group)));
        return new RunResults(List.of(header), truncated, records,
                Instant.ofEpochMilli(header.startMillis()), Instant.ofEpochMilli(lastTimestamp),
                names, groups, http.freeze(HTTP), webSocket.freeze(WEB_SOCKET), errors, seconds, usersStarted, usersEnded);
    }

    /** Mutable totals of one name while reading. */
    private static final class Tally {
        long ok;
        long ko;
        final Histogram latency = new Histogram(3);
        final Map<String, Long> errors = new HashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;

        void add(long millis, boolean isOk, String message) {
            latency.recordValue(millis);
            min = Math.min(min, millis);
            max = Math.max(max, millis);
            if (isOk) {
                ok++;
            } else {
                ko++;
                if (!message.isEmpty()) {
                    Errors.count(errors, message);
                }
            }
        }

        RequestStats freeze(String name) {
            return new RequestStats(name, ok, ko, latency, min, max, errors);
        }
    }
}
