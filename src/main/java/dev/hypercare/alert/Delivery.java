package dev.hypercare.alert;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt to deliver an alert to one channel gave. Reasons are one line that names the channel and
 * never its URL, routing key or header values.
 */
public sealed interface Delivery {

    /** The receiver accepted it (a 2xx answer). */
    record Delivered(int status) implements Delivery {}

    /**
     * Worth trying again later: no connection, a timeout, 408, 429 or 5xx. {@code retryAfter} is the
     * receiver's Retry-After, when it sent one that could be read.
     */
    record Retryable(String reason, Optional<Duration> retryAfter) implements Delivery {
        public Retryable(String reason) {
            this(reason, Optional.empty());
        }
    }

    /** The receiver refused this alert for good (another 4xx, or a redirect, which is never followed). */
    record Rejected(String reason) implements Delivery {}
}
