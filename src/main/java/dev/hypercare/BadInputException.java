package dev.hypercare;

/**
 * Input the user can fix: a bad file, field, flag or missing directory. The message is one line that
 * names where (file, line, field), what was expected and what was found; the CLI prints it as is and
 * exits 2. Anything else that escapes a command is an internal error.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
