package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a probe every kind shares, as blackbox_exporter's handler owns it: the start, the deadline,
 * the phase timings and the making of the result. Durations come from the monotonic clock; only the
 * start instant comes from the injected {@link Clock}. Every message passes through {@link #redact} so
 * that a secret echoed by an exception never reaches a result.
 */
final class ProbeRun {
    private static final int MAX_MESSAGE_CHARS = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ProbeSpec spec;
    private final Instant start;
    private final long startNanos;
    private final long deadlineNanos;
    private final Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    private Collection<String> secrets = List.of();

    private ProbeRun(ProbeSpec spec, Clock clock) {
        this.spec = spec;
        this.start = clock.instant();
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + spec.timeout().toNanos();
    }

    static ProbeRun start(ProbeSpec spec, Clock clock) {
        return new ProbeRun(spec, clock);
    }

    /** A probe's URL and headers with their {@code ${VARS}} filled in. */
    record Endpoint(URI uri, Map<String, String> headers) {}

    /**
     * Fills in the URL and headers from {@code env}, and registers every value that came from it as a
     * secret; then looks the host up, timing the DNS phase. Either the endpoint or the failed result.
     */
    Either<Endpoint> resolve(EnvTemplate url, SecretHeaders headers, Map<String, String> env) {
        Endpoint endpoint;
        try {
            String resolvedUrl = url.resolve(env);
            Map<String, String> resolvedHeaders = headers.resolve(env);
            List<String> values = new ArrayList<>(resolvedHeaders.values());
            headers.variables().forEach(name -> values.add(env.get(name)));
            if (url.hasPlaceholders()) {
                values.add(resolvedUrl);
            }
            secrets(values);
            endpoint = new Endpoint(URI.create(resolvedUrl), resolvedHeaders);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Either<>(null, fail(Reason.ERROR, -1, e.getMessage()));
        }
        long dnsStart = System.nanoTime();
        try {
            InetAddress.getAllByName(endpoint.uri().getHost());
        } catch (UnknownHostException e) {
            return new Either<>(null, fail(Reason.DNS, -1, "host not found"));
        }
        phase(Phase.DNS, dnsStart);
        return new Either<>(endpoint, null);
    }

    /** A value, or the result that ends the probe instead. */
    record Either<T>(T value, ProbeResult failure) {
        boolean failed() {
            return failure != null;
        }
    }

    /** Values that must never appear in a message (resolved header values and URL). */
    void secrets(Collection<String> values) {
        secrets = values.stream().filter(v -> v.length() >= 3).toList();
    }

    /** Time left before the timeout; zero or negative once it has passed. */
    Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Adds to {@code phase} the time since {@code sinceNanos}; returns now, to chain phases. */
    long phase(Phase phase, long sinceNanos) {
        long now = System.nanoTime();
        phases.merge(phase, Duration.ofNanos(now - sinceNanos), Duration::plus);
        return now;
    }

    void add(Phase phase, Duration duration) {
        phases.merge(phase, duration, Duration::plus);
    }

    ProbeResult fail(Reason reason, int status, String message) {
        return result(false, status, reason, List.of(), Optional.empty(), message);
    }

    ProbeResult timeout(int status, String what) {
        return fail(Reason.TIMEOUT, status, what + " within the timeout of " + DurationText.format(spec.timeout()));
    }

    /** The result of evaluated conditions: failed [STATUS] conditions make it a status failure, others a condition failure. */
    ProbeResult judged(int status, List<Condition> written, List<ConditionResult> results, Optional<CertificateStatus> certificate, String summary) {
        boolean statusFailed = false;
        boolean otherFailed = false;
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).ok()) {
                if (written.get(i).onStatus()) {
                    statusFailed = true;
                } else {
                    otherFailed = true;
                }
            }
        }
        Reason reason = statusFailed ? Reason.STATUS : otherFailed ? Reason.CONDITION : Reason.OK;
        String failed = String.join("; ", results.stream().filter(r -> !r.ok()).map(ConditionResult::resolved).toList());
        return result(reason == Reason.OK, status, reason, results, certificate, failed.isEmpty() ? summary : summary + "; " + failed);
    }

    ProbeResult result(boolean success, int status, Reason reason, List<ConditionResult> conditions,
                       Optional<CertificateStatus> certificate, String message) {
        return new ProbeResult(spec.name(), spec.location(), start, success, status, reason, elapsed(), phases,
                conditions.stream().map(c -> new ConditionResult(c.written(), c.ok(), redact(c.resolved()))).toList(),
                certificate, redact(message));
    }

    String redact(String text) {
        String out = text == null ? "" : text;
        for (String secret : secrets) {
            out = out.replace(secret, "<redacted>");
        }
        out = WHITESPACE.matcher(out).replaceAll(" ").strip();
        return out.length() <= MAX_MESSAGE_CHARS ? out : out.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
