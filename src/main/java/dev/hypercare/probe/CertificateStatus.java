package dev.hypercare.probe;

import java.time.Instant;

/**
 * The peer certificate a tls probe saw. {@code daysLeft} is whole days to notAfter, truncated towards zero (negative
 * once expired). {@code trusted} says whether the JVM's trust store accepts the chain; it does not fail
 * the probe, which watches expiry (an untrusted chain fails the http probe instead).
 */
public record CertificateStatus(String subject, Instant notAfter, long daysLeft, Expiry expiry, boolean trusted) {
    public enum Expiry {
        OK, WARN, CRITICAL, EXPIRED;

        static Expiry of(long daysLeft, Instant notAfter, Instant now, int warnDays, int criticalDays) {
            if (!notAfter.isAfter(now)) {
                return EXPIRED;
            }
            if (daysLeft < criticalDays) {
                return CRITICAL;
            }
            return daysLeft < warnDays ? WARN : OK;
        }
    }
}
