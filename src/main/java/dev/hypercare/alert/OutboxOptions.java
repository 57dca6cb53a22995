package dev.hypercare.alert;

import dev.hypercare.BadInputException;
import dev.hypercare.journal.JournalOptions;
import java.time.Duration;

/**
 * How the outbox retries and how long it waits.
 *
 * @param backoffBase    wait after the first failure in a row (doubling with each further one, jittered)
 * @param backoffCap     longest wait between attempts
 * @param retryAfterCap  longest wait a receiver's Retry-After may ask for
 * @param connectTimeout to open a connection to a receiver
 * @param requestTimeout for one whole exchange, answer included
 * @param closeTimeout   how long {@link AlertOutbox#close()} waits for deliveries in flight
 * @param journal        of the outbox's own journal; its retention also decides when pending alerts are
 *                       written again so that they outlive it
 */
public record OutboxOptions(Duration backoffBase, Duration backoffCap, Duration retryAfterCap, Duration connectTimeout,
        Duration requestTimeout, Duration closeTimeout, JournalOptions journal) {

    public OutboxOptions {
        positive("backoff base", backoffBase);
        positive("backoff cap", backoffCap);
        positive("retry-after cap", retryAfterCap);
        positive("connect timeout", connectTimeout);
        positive("request timeout", requestTimeout);
        positive("close timeout", closeTimeout);
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new BadInputException("alert outbox backoff cap: expected at least the base " + backoffBase
                    + ", found " + backoffCap);
        }
        if (journal == null) {
            throw new BadInputException("alert outbox journal options: expected some, found none");
        }
    }

    /** 1 s doubling to 5 min, Retry-After up to 15 min, 5 s to connect, 10 s per request, 5 s to close. */
    public static OutboxOptions defaults() {
        return new OutboxOptions(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5), JournalOptions.defaults());
    }

    public OutboxOptions withBackoff(Duration base, Duration cap) {
        return new OutboxOptions(base, cap, retryAfterCap, connectTimeout, requestTimeout, closeTimeout, journal);
    }

    public OutboxOptions withRetryAfterCap(Duration value) {
        return new OutboxOptions(backoffBase, backoffCap, value, connectTimeout, requestTimeout, closeTimeout, journal);
    }

    public OutboxOptions withTimeouts(Duration connect, Duration request) {
        return new OutboxOptions(backoffBase, backoffCap, retryAfterCap, connect, request, closeTimeout, journal);
    }

    public OutboxOptions withCloseTimeout(Duration value) {
        return new OutboxOptions(backoffBase, backoffCap, retryAfterCap, connectTimeout, requestTimeout, value, journal);
    }

    public OutboxOptions withJournal(JournalOptions value) {
        return new OutboxOptions(backoffBase, backoffCap, retryAfterCap, connectTimeout, requestTimeout, closeTimeout, value);
    }

    Backoff backoff() {
        return new Backoff(backoffBase, backoffCap, retryAfterCap);
    }

    private static void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new BadInputException("alert outbox " + field + ": expected a positive duration, found " + value);
        }
    }
}
