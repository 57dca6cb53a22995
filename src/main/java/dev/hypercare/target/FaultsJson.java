package dev.hypercare.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hypercare.BadInputException;
import java.util.Map;

/** {@link Faults} as the admin API writes and reads them: {@code {"latency":"700ms","errorRate":0.0,...}}. */
final class FaultsJson {

    private static final String FIELDS = "latency, errorRate, authFailureRate or outage";

    private FaultsJson() {}

    record View(String latency, double errorRate, double authFailureRate, String outage) {}

    static View view(Faults faults) {
        return new View(faults.latency().text(), faults.errorRate(), faults.authFailureRate(), faults.outage().text());
    }

    /** {@code base} with the fields present in {@code changes} replaced; a bad field or value is bad input. */
    static Faults merge(Faults base, ObjectNode changes) {
        Faults merged = base;
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            JsonNode value = field.getValue();
            merged = switch (field.getKey()) {
                case "latency" -> merged.withLatency(LatencyDistribution.parse("latency", text("latency", value)));
                case "errorRate" -> merged.withErrorRate(rate("errorRate", value));
                case "authFailureRate" -> merged.withAuthFailureRate(rate("authFailureRate", value));
                case "outage" -> merged.withOutage(Outage.parse("outage", text("outage", value)));
                default -> throw new BadInputException(
                        "faults: expected " + FIELDS + ", found unknown field '" + field.getKey() + "'");
            };
        }
        return merged;
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new BadInputException(field + ": expected a string, found '" + value + "'");
        }
        return value.asText();
    }

    private static double rate(String field, JsonNode value) {
        // "0.3" as a string is accepted too: shell scripts often quote everything
        return value.isNumber() ? Faults.parseRate(field, value.asText()) : Faults.parseRate(field, text(field, value));
    }
}
