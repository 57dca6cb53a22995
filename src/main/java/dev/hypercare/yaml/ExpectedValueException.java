package dev.hypercare.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Raised by our deserializers: the value is there but not of the form {@code expected}. */
public final class ExpectedValueException extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final String expected;

    public ExpectedValueException(JsonParser parser, String expected) {
        super(parser, "expected " + expected);
        this.expected = expected;
    }

    /** What the value should have been, e.g. {@code a duration like 500ms, 30s, 5m or 1h}. */
    public String expected() {
        return expected;
    }
}
