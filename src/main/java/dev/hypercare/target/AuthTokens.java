package dev.hypercare.target;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless bearer tokens: {@code base64url(username).expiresAtEpochSecond.base64url(HMAC-SHA256)} under a
 * random key made per process. Nothing is stored per login, so a long load test cannot grow memory, and
 * tokens die with the process.
 */
final class AuthTokens {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final InstantSource clock;

    AuthTokens(InstantSource clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.clock = clock;
    }

    String issue(String username) {
        long expiresAt = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = ENCODER.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + expiresAt;
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The username a valid, unexpired token was issued to; empty for anything else. */
    Optional<String> verify(String token) {
        int lastDot = token.lastIndexOf('.');
        int firstDot = token.indexOf('.');
        if (firstDot <= 0 || lastDot == firstDot) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        try {
            byte[] signature = DECODER.decode(token.substring(lastDot + 1));
            // constant-time comparison: the demo should not teach timing leaks
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            long expiresAt = Long.parseLong(payload.substring(firstDot + 1));
            if (clock.instant().getEpochSecond() >= expiresAt) {
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(payload.substring(0, firstDot)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            // a Mac is not thread-safe and requests run on short-lived virtual threads: one per call is cheap
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
