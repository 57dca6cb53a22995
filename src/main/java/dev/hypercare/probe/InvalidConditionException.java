package dev.hypercare.probe;

/** A condition that does not follow the grammar; {@link #expected()} is the "expected X" part of the user's message. */
final class InvalidConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidConditionException(String expected) {
        super(expected, null, false, false);
    }

    String expected() {
        return getMessage();
    }
}
