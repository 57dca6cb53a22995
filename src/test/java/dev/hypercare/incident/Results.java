package dev.hypercare.incident;

import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Probe results for tests: a pattern like {@code FFS} is failure, failure, success, one interval apart. */
final class Results {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(15);

    private Results() {}

    static ProbeResult ok(String probe, Instant start) {
        return new ProbeResult(probe, "local", start, true, 200, Reason.OK, Duration.ofMillis(12), Map.of(), List.of(),
                Optional.empty(), "ok");
    }

    static ProbeResult failed(String probe, Instant start, Reason reason, String message) {
        return new ProbeResult(probe, "local", start, false, -1, reason, Duration.ofSeconds(2), Map.of(), List.of(),
                Optional.empty(), message);
    }

    /** The results of {@code pattern} (F failure by refusal, S success), the i-th at {@code from + i * INTERVAL}. */
    static List<ProbeResult> pattern(String probe, Instant from, String pattern) {
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            Instant at = from.plus(INTERVAL.multipliedBy(i));
            results.add(switch (pattern.charAt(i)) {
                case 'F' -> failed(probe, at, Reason.REFUSED, "connection refused");
                case 'S' -> ok(probe, at);
                default -> throw new IllegalArgumentException("pattern letter " + pattern.charAt(i));
            });
        }
        return results;
    }

    /** Feeds every result to the filter and returns the transitions, in order. */
    static List<ProbeTransition> feed(FlapFilter filter, List<ProbeResult> results) {
        List<ProbeTransition> transitions = new ArrayList<>();
        results.forEach(r -> filter.observe(r).ifPresent(transitions::add));
        return transitions;
    }
}
