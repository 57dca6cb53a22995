package dev.hypercare.probe;

import dev.hypercare.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a probe every kind shares, as blackbox_exporter's handler owns it: the start, the deadline,
 * the phase timings and the making of the result. Durations come from the monotonic clock; only the
 * start instant comes from the injected {@link Clock}. Every message passes through {@link #redact} so
 * that a secret echoed by an exception never reaches a result.
 */
final class ProbeRun {
    private static final int MAX_MESSAGE_CHARS = 200;

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
        out = out.replaceAll("\\s+", " ").strip();
        return out.length() <= MAX_MESSAGE_CHARS ? out : out.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
