package dev.hypercare.alert;

import dev.hypercare.DurationText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs a JSON body and sorts the outcome into delivered, retryable or rejected. One deadline covers the
 * whole exchange, body included; redirects are never followed (the client is built with
 * {@code Redirect.NEVER}); only a short snippet of the answer is read, for the error text. Messages are
 * built from the status and the exception's type, never from an exception's message, which may quote the URL.
 */
final class HttpPoster {
    static final int SNIPPET_BYTES = 1024;
    private static final String USER_AGENT = "hypercare-alerts";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    HttpPoster(HttpClient client, Duration requestTimeout, Clock clock) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** Sends {@code json} to {@code endpoint}; {@code label} names the channel in every message. */
    Delivery post(String label, Endpoint endpoint, byte[] json) throws InterruptedException {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.uri())
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json));
            endpoint.headers().forEach(builder::setHeader);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // checked when the outbox opens; kept retryable so that a fixed configuration still delivers it
            return new Delivery.Retryable(label + ": the request cannot be built (a header name or value is not allowed)");
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new CappedBody(SNIPPET_BYTES));
        try {
            return classify(label, endpoint, exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Delivery.Retryable(label + ": no answer within " + DurationText.format(requestTimeout));
        } catch (ExecutionException e) {
            return new Delivery.Retryable(label + ": " + describe(e.getCause()));
        }
    }

    private Delivery classify(String label, Endpoint endpoint, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(status);
        }
        String text = label + ": HTTP " + status + snippet(endpoint, response.body());
        if (status == 408 || status == 429 || status >= 500) {
            return new Delivery.Retryable(text,
                    RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant()));
        }
        if (status >= 300 && status < 400) {
            return new Delivery.Rejected(label + ": HTTP " + status + ", a redirect, and redirects are not followed");
        }
        return new Delivery.Rejected(text);
    }

    private static String snippet(Endpoint endpoint, byte[] body) {
        String text = endpoint.redactor().redact(new String(body, StandardCharsets.UTF_8));
        return text.isEmpty() ? "" : ": " + text;
    }

    private String describe(Throwable cause) {
        return switch (cause) {
            case HttpConnectTimeoutException e -> "could not connect within the connect timeout";
            case HttpTimeoutException e -> "no answer within " + DurationText.format(requestTimeout);
            case ConnectException e -> "could not connect (refused or unreachable)";
            case SSLException e -> "TLS failed (" + e.getClass().getSimpleName() + ")";
            case IOException e -> "connection failed (" + e.getClass().getSimpleName() + ")";
            default -> "request failed (" + cause.getClass().getSimpleName() + ")";
        };
    }
}
