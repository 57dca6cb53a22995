package dev.hypercare.slo;

/** A level that does not parse; the message is the "expected ..." part, without location or found. */
final class InvalidConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidConditionException(String expected) {
        super(expected, null, false, false);
    }

    String expected() {
        return getMessage();
    }
}
