package dev.hypercare.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Raised by our deserializers: the value is there but not of the form {@code expected}. */
final class ExpectedValueException extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    final String expected;

    ExpectedValueException(JsonParser parser, String expected) {
        super(parser, "expected " + expected);
        this.expected = expected;
    }
}
