package dev.hypercare.load.results;

import dev.hypercare.load.log.RunHeader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a load test measured, read from its simulation.log (or merged from several shards): totals and
 * latency histograms per request name, for all HTTP and for all WebSocket records, error messages, and
 * a one-second time series. Memory grows with the run's length and its distinct names, never with its
 * number of requests.
 */
public record RunResults(
        List<RunHeader> headers,
        boolean truncated,
        long records,
        Instant start,
        Instant end,
        Map<String, RequestStats> byName,
        Map<String, RequestStats> byGroup,
        RequestStats http,
        RequestStats webSocket,
        Map<String, Long> errors,
        NavigableMap<Long, Second> seconds,
        long usersStarted,
        long usersEnded) {

    public RunResults {
        headers = List.copyOf(headers);
        byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        byGroup = Collections.unmodifiableMap(new TreeMap<>(byGroup));
        errors = Map.copyOf(errors);
        seconds = Collections.unmodifiableNavigableMap(new TreeMap<>(seconds));
    }

    public long requests() {
        return http.count() + webSocket.count();
    }

    /** The {@code limit} most frequent error messages, most frequent first. */
    public List<Map.Entry<String, Long>> topErrors(int limit) {
        return errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
    }

    /** Active users and open sockets at the end of each second, from the starts and ends before it. */
    public List<SeriesPoint> series() {
        List<SeriesPoint> points = new ArrayList<>(seconds.size());
        long users = 0;
        long sockets = 0;
        for (Second s : seconds.values()) {
            users += s.usersStarted() - s.usersEnded();
            sockets += s.socketsOpened() - s.socketsClosed();
            points.add(new SeriesPoint(s.epochSecond(), s.httpRequests() + s.webSocketRecords(), s.httpFailures() + s.webSocketFailures(),
                    s.httpPercentileMillis(50), s.httpPercentileMillis(95), s.httpPercentileMillis(99), users, Math.max(0, sockets)));
        }
        return points;
    }

    /** One second of the series; percentiles are of the HTTP requests that ended in it, -1 when none did. */
    public record SeriesPoint(long epochSecond, long requests, long ko, long p50Millis, long p95Millis, long p99Millis,
                              long activeUsers, long openSockets) {}

    /**
     * Shards of one test as one run: counts add, histograms merge (percentiles are those of the union,
     * never averages), seconds align on wall-clock time.
     */
    public static RunResults merge(List<RunResults> shards) {
        if (shards.size() == 1) {
            return shards.get(0);
        }
        RunResults first = shards.get(0);
        Map<String, RequestStats> byName = new TreeMap<>(first.byName);
        Map<String, RequestStats> byGroup = new TreeMap<>(first.byGroup);
        RequestStats http = first.http;
        RequestStats webSocket = first.webSocket;
        Map<String, Long> errors = first.errors;
        NavigableMap<Long, Second> seconds = new TreeMap<>(first.seconds);
        for (RunResults shard : shards.subList(1, shards.size())) {
            shard.byName.forEach((name, stats) -> byName.merge(name, stats, RequestStats::plus));
            shard.byGroup.forEach((name, stats) -> byGroup.merge(name, stats, RequestStats::plus));
            http = http.plus(shard.http);
            webSocket = webSocket.plus(shard.webSocket);
            errors = Errors.merge(errors, shard.errors);
            shard.seconds.forEach((second, stats) -> seconds.merge(second, stats, Second::plus));
        }
        return new RunResults(
                shards.stream().flatMap(r -> r.headers.stream()).toList(),
                shards.stream().anyMatch(RunResults::truncated),
                shards.stream().mapToLong(RunResults::records).sum(),
                shards.stream().map(RunResults::start).min(Instant::compareTo).orElseThrow(),
                shards.stream().map(RunResults::end).max(Instant::compareTo).orElseThrow(),
                byName, byGroup, http, webSocket, errors, seconds,
                shards.stream().mapToLong(RunResults::usersStarted).sum(),
                shards.stream().mapToLong(RunResults::usersEnded).sum());
    }

    /** Names of the HTTP requests, then of the WebSocket records. */
    public List<String> names() {
        return Stream.concat(
                        byName.keySet().stream().filter(n -> !dev.hypercare.load.RequestNames.isWebSocket(n)),
                        byName.keySet().stream().filter(dev.hypercare.load.RequestNames::isWebSocket))
                .collect(Collectors.toList());
    }
}
