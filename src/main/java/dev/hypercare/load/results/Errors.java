package dev.hypercare.load.results;

import java.util.HashMap;
import java.util.Map;

/**
 * Error-message tallies with a bound on distinct messages: Gatling messages can embed values (ids,
 * bodies), and a run must not grow without limit because of them.
 */
final class Errors {
    static final int MAX_DISTINCT = 1_000;
    static final String OTHER = "(other messages)";

    private Errors() {}

    static void count(Map<String, Long> tally, String message) {
        String key = tally.containsKey(message) || tally.size() < MAX_DISTINCT ? message : OTHER;
        tally.merge(key, 1L, Long::sum);
    }

    static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new HashMap<>(a);
        b.forEach((message, n) -> {
            String key = sum.containsKey(message) || sum.size() < MAX_DISTINCT ? message : OTHER;
            sum.merge(key, n, Long::sum);
        });
        return sum;
    }
}
