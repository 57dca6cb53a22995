package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP probes with the JDK client: a connection of its own per run (so connect and TLS are really measured;
 * see {@link FreshConnections}), one deadline for the whole run including redirects and body, redirects
 * followed by hand so that {@code followRedirects} is enforced, and the body read up to {@code maxBodyBytes}.
 * Headers go only to the probe's own origin: a redirect elsewhere never receives the secrets.
 */
public final class HttpProber implements Prober {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private final Map<String, String> env;
    private final FreshConnections connections;

    public HttpProber(Map<String, String> env) {
        this(env, new FreshConnections());
    }

    HttpProber(Map<String, String> env, FreshConnections connections) {
        this.env = Map.copyOf(env);
        this.connections = connections;
    }

    @Override
    public ProbeResult probe(ProbeSpec spec, Clock clock) {
        if (!(spec instanceof ProbeSpec.Http http)) {
            throw new IllegalArgumentException("not an http probe: " + spec.kind());
        }
        // leased before the clock starts: the first client of a JVM initialises TLS for hundreds of milliseconds,
        // which is not the target's time
        try (FreshConnections.Lease client = connections.lease(http.timeout())) {
            return probe(http, client, ProbeRun.start(spec, clock));
        }
    }

    private ProbeResult probe(ProbeSpec.Http http, FreshConnections.Lease client, ProbeRun run) {
        ProbeRun.Either<ProbeRun.Endpoint> endpoint = run.resolve(http.url(), http.headers(), env);
        if (endpoint.failed()) {
            return endpoint.failure();
        }
        URI uri = endpoint.value().uri();
        Map<String, String> headers = endpoint.value().headers();
        try {
            return exchange(http, client, uri, headers, run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.fail(Reason.ERROR, -1, "interrupted");
        }
    }

    private ProbeResult exchange(ProbeSpec.Http http, FreshConnections.Lease client, URI first, Map<String, String> headers, ProbeRun run)
            throws InterruptedException {
        URI current = first;
        String method = http.method();
        int hops = 0;
        while (true) {
            Duration remaining = run.remaining();
            if (!remaining.isPositive()) {
                return run.timeout(-1, "no final response");
            }
            HttpRequest.Builder request = client.prepare(HttpRequest.newBuilder(current)
                    .timeout(remaining)
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            if (sameOrigin(current, first)) {
                headers.forEach(request::header);
            }
            long sent = System.nanoTime();
            AtomicLong headersAt = new AtomicLong();
            CompletableFuture<HttpResponse<BoundedBody.Body>> pending = client.client().sendAsync(request.build(), info -> {
                headersAt.set(System.nanoTime());
                return new BoundedBody(http.maxBodyBytes());
            });
            HttpResponse<BoundedBody.Body> response;
            try {
                response = pending.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return run.timeout(-1, headersAt.get() == 0 ? "no response" : "no complete body");
            } catch (ExecutionException e) {
                Failures.Failure failure = Failures.classify(e.getCause());
                return failure.reason() == Reason.TIMEOUT
                        ? run.timeout(-1, "no response")
                        : run.fail(failure.reason(), -1, failure.message());
            } finally {
                // on a shared client nothing else ends an abandoned exchange (timeout or interrupt): cancelling closes its connection
                pending.cancel(true);
            }
            long now = System.nanoTime();
            long headersNanos = headersAt.get() == 0 ? now : headersAt.get();
            run.add(Phase.PROCESSING, Duration.ofNanos(headersNanos - sent));
            run.add(Phase.TRANSFER, Duration.ofNanos(now - headersNanos));
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent() && http.followRedirects() > 0) {
                if (hops == http.followRedirects()) {
                    return run.fail(Reason.REDIRECTS, status, "more than " + hops + " redirects");
                }
                hops++;
                try {
                    current = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return run.fail(Reason.PROTOCOL, status, "redirect to an invalid Location");
                }
                if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                    method = "GET";
                }
                continue;
            }
            if (response.body().tooLarge()) {
                return run.fail(Reason.BODY_TOO_LARGE, status, "body larger than maxBodyBytes (" + http.maxBodyBytes() + " bytes)");
            }
            Duration took = run.elapsed();
            Observation seen = new Observation(status, took,
                    new String(response.body().bytes(), StandardCharsets.UTF_8), certificateLeft(response, Instant.now()));
            List<ConditionResult> results = http.conditions().stream().map(c -> c.evaluate(seen)).toList();
            String summary = status + " in " + DurationText.format(took) + (hops > 0 ? " after " + hops + " redirects" : "");
            return run.judged(status, http.conditions(), results, Optional.empty(), summary);
        }
    }

    private static Optional<Duration> certificateLeft(HttpResponse<?> response, Instant now) {
        return response.sslSession().flatMap(session -> {
            try {
                Certificate[] chain = session.getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate x509
                        ? Optional.of(Duration.between(now, x509.getNotAfter().toInstant()))
                        : Optional.empty();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort();
    }
}
