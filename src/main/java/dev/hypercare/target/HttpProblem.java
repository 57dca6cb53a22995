package dev.hypercare.target;

/**
 * A request the target refuses (400, 401, 404, 413, ...): thrown from deep in a handler, turned into its
 * {@link Reply} by {@link Exchanges}. Carries no stack trace: it is an answer, not a failure.
 */
final class HttpProblem extends RuntimeException {

    private final transient Reply reply;

    HttpProblem(int status, String message) {
        this(Reply.error(status, message));
    }

    HttpProblem(Reply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(Reply.error(401, message).withHeader("WWW-Authenticate", "Bearer"));
    }

    Reply reply() {
        return reply;
    }
}
