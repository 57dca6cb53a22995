package dev.hypercare.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;

/**
 * What a probe saw, as conditions read it. The body is parsed as JSON at most once, on first use,
 * and a body that is not JSON is remembered as such rather than thrown.
 */
public final class Observation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final Duration responseTime;
    private final String body;
    private final Optional<Duration> certificateLeft;
    private JsonNode json;
    private String jsonProblem;

    /** {@code status} -1 when there is none (WebSocket replies); {@code certificateLeft} empty on plain connections. */
    public Observation(int status, Duration responseTime, String body, Optional<Duration> certificateLeft) {
        this.status = status;
        this.responseTime = responseTime;
        this.body = body;
        this.certificateLeft = certificateLeft;
    }

    int status() {
        return status;
    }

    Duration responseTime() {
        return responseTime;
    }

    String body() {
        return body;
    }

    Optional<Duration> certificateLeft() {
        return certificateLeft;
    }

    /** The body as JSON, or empty with {@link #jsonProblem()} saying why. */
    Optional<JsonNode> json() {
        if (json == null && jsonProblem == null) {
            try {
                json = JSON.readTree(body);
                if (json == null || json.isMissingNode()) {
                    json = null;
                    jsonProblem = "invalid JSON: empty body";
                }
            } catch (JsonProcessingException e) {
                String detail = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
                jsonProblem = "invalid JSON: " + shorten(detail.lines().findFirst().orElse(detail), 80);
            }
        }
        return Optional.ofNullable(json);
    }

    String jsonProblem() {
        return jsonProblem;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
