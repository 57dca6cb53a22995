package dev.hypercare.target;

import com.sun.net.httpserver.HttpExchange;
import dev.hypercare.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** The plumbing both HTTP listeners share: bounded body reads, writing a {@link Reply}, bearer tokens. */
final class Exchanges {

    /** Bodies are tiny JSON documents; the cap stops one request from taking the heap. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_DRAIN_BYTES = 1024 * 1024;

    /** Computes the answer to one exchange; may throw {@link HttpProblem} for a refusal. */
    @FunctionalInterface
    interface Responder {
        Reply answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private Exchanges() {}

    /** Answers one exchange and always closes it; a client that went away is not an error. */
    static void serve(HttpExchange exchange, Responder responder) {
        try (exchange) {
            Reply reply;
            try {
                reply = responder.answer(exchange);
            } catch (HttpProblem problem) {
                reply = problem.reply();
            } catch (BadInputException bad) {
                reply = Reply.error(400, bad.getMessage());
            } catch (InterruptedException stopping) {
                // the target is closing: nobody waits for this answer any more
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException bug) {
                reply = Reply.error(500, "internal error: " + bug.getClass().getSimpleName());
            }
            write(exchange, reply);
        } catch (IOException clientGone) {
            // the client closed the connection, or an outage closed the listener under us
        }
    }

    /** The whole request body, refused with 413 when it is larger than {@link #MAX_BODY_BYTES}. */
    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            // one byte more than allowed tells "exactly at the cap" from "over it" without reading the rest
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            return body;
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header, if there is one. */
    static Optional<String> bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The request path without query, as sent (percent-encoding kept). */
    static String path(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        headers.set("Cache-Control", "no-store");
        reply.headers().forEach(headers::set);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * The 413 answer, after discarding a moderately oversized rest of the body: unread bytes would make the
     * server reset the connection, and the client could lose the 413 with it. A huge body is not drained.
     */
    private static HttpProblem tooLarge(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long discarded = 0;
        int read;
        while (discarded < MAX_DRAIN_BYTES && (read = in.read(sink)) >= 0) {
            discarded += read;
        }
        return new HttpProblem(413, "body: expected at most " + MAX_BODY_BYTES + " bytes");
    }
}
