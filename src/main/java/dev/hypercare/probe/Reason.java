package dev.hypercare.probe;

import java.util.Locale;

/** Why a probe ended as it did: {@code ok}, or the first thing that went wrong. */
public enum Reason {
    OK,
    /** Nothing (or not all of it) within the probe's timeout. */
    TIMEOUT,
    /** The connection was refused: nothing listens there. */
    REFUSED,
    /** The host name did not resolve. */
    DNS,
    /** The TLS handshake failed. */
    TLS,
    /** A condition on [STATUS] failed. */
    STATUS,
    /** Another condition failed. */
    CONDITION,
    /** The body was larger than maxBodyBytes; reading stopped there. */
    BODY_TOO_LARGE,
    /** More redirects than followRedirects. */
    REDIRECTS,
    /** The certificate expires within criticalDays, or has expired. */
    CERTIFICATE,
    /** The server broke the protocol: a bad handshake, a bad response, no clean WebSocket close. */
    PROTOCOL,
    /** Anything else, such as an environment variable gone since load time. */
    ERROR;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
