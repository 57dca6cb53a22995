package dev.hypercare.target;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer as a value: handlers return one, a single place writes it. Keeps the handlers free of
 * stream plumbing and lets faults replace any answer. The body array is written once and never changed,
 * so it is not copied on the hot path.
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    Reply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Json.bytes(value), Map.of());
    }

    /** {@code {"error": message}}, the one error shape of both APIs. */
    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    static Reply html(String page) {
        return new Reply(200, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
