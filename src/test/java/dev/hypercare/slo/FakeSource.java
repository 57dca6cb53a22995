package dev.hypercare.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link MetricSource} built from per-second samples: for each scope and second, how many
 * requests, how many failed, and their latency. Rates are failures / requests (availability the
 * rest), latencies a nearest-rank percentile over every request, throughput requests / window length.
 * Like a load test, it covers requests and groups, not probes.
 */
final class FakeSource implements MetricSource {
    static final Instant START = Instant.parse("2025-06-01T16:00:00Z");

    record Second(long requests, long failures, double latencyMillis) {}

    private final Map<Scope, List<Second>> seconds = new HashMap<>();
    private int length;
    private boolean live;

    static FakeSource empty() {
        return new FakeSource();
    }

    /** {@code count} seconds of {@code second} for {@code scope}, after what the scope already has. */
    FakeSource add(Scope scope, int count, Second second) {
        List<Second> list = seconds.computeIfAbsent(scope, s -> new ArrayList<>());
        for (int i = 0; i < count; i++) {
            list.add(second);
        }
        length = Math.max(length, list.size());
        return this;
    }

    FakeSource http(int count, long requests, long failures, double latencyMillis) {
        return add(new Scope.Http(), count, new Second(requests, failures, latencyMillis));
    }

    /** This source judged live, as its evidence arrives (see {@link MetricSource#live()}). */
    FakeSource asLive() {
        live = true;
        return this;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public boolean covers(Scope scope) {
        return !(scope instanceof Scope.Probe || scope instanceof Scope.Probes);
    }

    @Override
    public String description() {
        return "a load test";
    }

    @Override
    public Window span() {
        return new Window(START, START.plusSeconds(length));
    }

    @Override
    public Measurement measure(Metric metric, Scope scope, Window window) {
        List<Second> in = new ArrayList<>();
        List<Second> all = seconds.getOrDefault(scope, List.of());
        for (int i = 0; i < all.size(); i++) {
            Instant t = START.plusSeconds(i);
            if (!t.isBefore(window.start()) && t.isBefore(window.end())) {
                in.add(all.get(i));
            }
        }
        long requests = in.stream().mapToLong(Second::requests).sum();
        long failures = in.stream().mapToLong(Second::failures).sum();
        if (requests == 0) {
            return Measurement.none(window);
        }
        double value = switch (metric) {
            case ERROR_RATE, WS_CONNECT_ERROR_RATE, AUTH_FAILURE_RATE -> (double) failures / requests;
            case AVAILABILITY -> (double) (requests - failures) / requests;
            case P50 -> percentile(in, requests, 0.50);
            case P95 -> percentile(in, requests, 0.95);
            case P99 -> percentile(in, requests, 0.99);
            case MAX -> percentile(in, requests, 1.0);
            case THROUGHPUT -> requests / (window.length().toMillis() / 1000.0);
            case WS_CONNECTIONS -> Double.NaN;
        };
        return new Measurement(value, requests, window);
    }

    private static double percentile(List<Second> in, long requests, double p) {
        List<Second> sorted = in.stream().sorted((a, b) -> Double.compare(a.latencyMillis(), b.latencyMillis())).toList();
        long rank = (long) Math.ceil(p * requests);
        long seen = 0;
        for (Second s : sorted) {
            seen += s.requests();
            if (seen >= rank) {
                return s.latencyMillis();
            }
        }
        return sorted.getLast().latencyMillis();
    }
}
