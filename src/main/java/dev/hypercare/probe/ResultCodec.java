package dev.hypercare.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal payload of a probe result (journal kind {@value #KIND}): a compact, versioned binary form
 * with an exact round trip ({@code decode(encode(r)).equals(r)}, nanosecond instants and durations
 * included), and a summary decode that reads only the leading fields, since a 30-day report reads
 * millions of results and needs none of their conditions.
 *
 * <h2>Format, version 1</h2>
 * Numbers are LEB128 varints (7 bits a byte, low group first); signed ones are zigzag-encoded first.
 * A string is a varint byte length and UTF-8 bytes. An instant is zigzag epoch seconds and nanos; a
 * duration is zigzag seconds and nanos. Enums are stored by the fixed code tables below, never by
 * ordinal, so reordering or adding constants cannot change what old payloads mean.
 * <pre>
 *   byte      version            1
 *   -- summary: everything {@link #decodeSummary} reads --
 *   string    probe
 *   string    location
 *   instant   start
 *   byte      flags              bit 0 success, bit 1 certificate present
 *   zigzag    status             -1 when there is none
 *   byte      reason             code table {@link #reasonCode}
 *   duration  total
 *   -- detail --
 *   varint    phase count, then per phase: byte code ({@link #phaseCode}), duration
 *   varint    condition count, then per condition:
 *               string written; byte ok (0 or 1);
 *               resolved as an edit of written's UTF-8 bytes: varint common prefix length,
 *               varint common suffix length, string middle ("[STATUS] == 200" becomes
 *               "[STATUS] (503) == 200" by 9, 6, "(503) ")
 *   [certificate, when flagged: string subject, instant notAfter, zigzag daysLeft,
 *               byte expiry ({@link #expiryCode}), byte trusted (0 or 1)]
 *   string    message
 * </pre>
 * A typical HTTP result with three conditions takes about 150 bytes. Text is UTF-8: an unpaired
 * surrogate, which no decoder of network bytes produces, would come back as '?'.
 */
public final class ResultCodec {
    /** The journal kind of entries whose payload this codec writes. */
    public static final String KIND = "result";
    public static final int VERSION = 1;

    private static final int SUCCESS = 1, CERTIFICATE = 2;

    private ResultCodec() {}

    public static byte[] encode(ProbeResult r) {
        Out out = new Out(160);
        out.u8(VERSION);
        out.string(Objects.requireNonNull(r.probe(), "probe"));
        out.string(Objects.requireNonNull(r.location(), "location"));
        out.instant(Objects.requireNonNull(r.start(), "start"));
        out.u8((r.success() ? SUCCESS : 0) | (r.certificate().isPresent() ? CERTIFICATE : 0));
        out.zigzag(r.status());
        out.u8(reasonCode(Objects.requireNonNull(r.reason(), "reason")));
        out.duration(Objects.requireNonNull(r.total(), "total"));

        out.varint(r.phases().size());
        for (Map.Entry<Phase, Duration> p : r.phases().entrySet()) {
            out.u8(phaseCode(p.getKey()));
            out.duration(p.getValue());
        }
        out.varint(r.conditions().size());
        for (ConditionResult c : r.conditions()) {
            byte[] written = c.written().getBytes(StandardCharsets.UTF_8);
            byte[] resolved = c.resolved().getBytes(StandardCharsets.UTF_8);
            out.bytes(written);
            out.u8(c.ok() ? 1 : 0);
            int prefix = Arrays.mismatch(written, resolved);
            prefix = prefix < 0 ? written.length : prefix;
            int suffix = 0;
            int most = Math.min(written.length, resolved.length) - prefix;
            while (suffix < most && written[written.length - 1 - suffix] == resolved[resolved.length - 1 - suffix]) {
                suffix++;
            }
            out.varint(prefix);
            out.varint(suffix);
            out.bytes(resolved, prefix, resolved.length - prefix - suffix);
        }
        if (r.certificate().isPresent()) {
            CertificateStatus cert = r.certificate().get();
            out.string(cert.subject());
            out.instant(cert.notAfter());
            out.zigzag(cert.daysLeft());
            out.u8(expiryCode(cert.expiry()));
            out.u8(cert.trusted() ? 1 : 0);
        }
        out.string(Objects.requireNonNull(r.message(), "message"));
        return out.toByteArray();
    }

    public static ProbeResult decode(byte[] payload) {
        return decode(ByteBuffer.wrap(payload));
    }

    /** Decodes the payload between the buffer's position and limit; the buffer itself is not moved. */
    public static ProbeResult decode(ByteBuffer payload) {
        In in = new In(payload);
        in.version();
        String probe = in.string();
        String location = in.string();
        Instant start = in.instant();
        int flags = in.u8();
        int status = (int) in.zigzag();
        Reason reason = reason(in.u8(), in);
        Duration total = in.duration();

        Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
        for (long n = in.count(); n > 0; n--) {
            Phase phase = phase(in.u8(), in);
            if (phases.put(phase, in.duration()) != null) {
                throw in.bad("phase " + phase.text() + " twice");
            }
        }
        long conditionCount = in.count();
        List<ConditionResult> conditions = new ArrayList<>((int) Math.min(conditionCount, 64));
        for (long n = conditionCount; n > 0; n--) {
            byte[] written = in.rawBytes();
            boolean ok = in.bool();
            long prefix = in.varint();
            long suffix = in.varint();
            if (prefix < 0 || suffix < 0 || prefix + suffix > written.length) {
                throw in.bad("a resolved condition keeps " + prefix + " + " + suffix + " bytes of a " + written.length + "-byte condition");
            }
            byte[] middle = in.rawBytes();
            byte[] resolved = new byte[(int) (prefix + middle.length + suffix)];
            System.arraycopy(written, 0, resolved, 0, (int) prefix);
            System.arraycopy(middle, 0, resolved, (int) prefix, middle.length);
            System.arraycopy(written, (int) (written.length - suffix), resolved, (int) prefix + middle.length, (int) suffix);
            conditions.add(new ConditionResult(utf8(written), ok, utf8(resolved)));
        }
        Optional<CertificateStatus> certificate = Optional.empty();
        if ((flags & CERTIFICATE) != 0) {
            String subject = in.string();
            Instant notAfter = in.instant();
            long daysLeft = in.zigzag();
            CertificateStatus.Expiry expiry = expiry(in.u8(), in);
            certificate = Optional.of(new CertificateStatus(subject, notAfter, daysLeft, expiry, in.bool()));
        }
        String message = in.string();
        in.end();
        return new ProbeResult(probe, location, start, (flags & SUCCESS) != 0, status, reason, total, phases, conditions,
                certificate, message);
    }

    public static ResultSummary decodeSummary(byte[] payload) {
        return decodeSummary(ByteBuffer.wrap(payload));
    }

    /**
     * The leading fields only, without reading (or checking) phases, conditions, certificate or message.
     * The buffer's position is not moved.
     */
    public static ResultSummary decodeSummary(ByteBuffer payload) {
        In in = new In(payload);
        in.version();
        String probe = in.string();
        String location = in.string();
        Instant start = in.instant();
        int flags = in.u8();
        int status = (int) in.zigzag();
        Reason reason = reason(in.u8(), in);
        return new ResultSummary(probe, location, start, (flags & SUCCESS) != 0, status, reason, in.duration());
    }

    /** Receives a result's summary fields: start and total as seconds and nanoseconds, as the format stores them. */
    @FunctionalInterface
    public interface SummarySink {
        void summary(String probe, String location, long startEpochSecond, int startNano, boolean success, int status, Reason reason,
                     long totalSeconds, int totalNano);
    }

    /**
     * Summary decoding for a long read: the same as {@link #decodeSummary(ByteBuffer)}, but the probe and
     * location names, which repeat in every result, are decoded once and then shared, so that a 30-day read
     * makes no string per result and maps keyed by them find cached hash codes. Not thread-safe.
     */
    public static final class SummaryDecoder {
        private static final int SLOTS = 256;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];

        public ResultSummary decode(ByteBuffer payload) {
            In in = new In(payload);
            in.version();
            String probe = in.string(this);
            String location = in.string(this);
            Instant start = in.instant();
            int flags = in.u8();
            int status = (int) in.zigzag();
            Reason reason = reason(in.u8(), in);
            return new ResultSummary(probe, location, start, (flags & SUCCESS) != 0, status, reason, in.duration());
        }

        /** The summary's fields handed to {@code sink} as they are read: nothing is allocated per result. */
        public void decode(ByteBuffer payload, SummarySink sink) {
            In in = new In(payload);
            in.version();
            String probe = in.string(this);
            String location = in.string(this);
            long startSecond = in.zigzag();
            int startNano = in.nanos();
            int flags = in.u8();
            int status = (int) in.zigzag();
            Reason reason = reason(in.u8(), in);
            long totalSeconds = in.zigzag();
            int totalNano = in.nanos();
            sink.summary(probe, location, startSecond, startNano, (flags & SUCCESS) != 0, status, reason, totalSeconds, totalNano);
        }

        /** The string of {@code length} bytes at {@code at}; names seen before come back as the same instance. */
        private String name(byte[] buf, int at, int length) {
            int hash = 1;
            for (int i = at; i < at + length; i++) {
                hash = 31 * hash + buf[i];
            }
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, buf, at, at + length)) {
                return values[slot];
            }
            // one slot per hash: two names that collide take turns, still correct
            byte[] bytes = Arrays.copyOfRange(buf, at, at + length);
            String s = utf8(bytes);
            keys[slot] = bytes;
            values[slot] = s;
            return s;
        }
    }

    // The code tables. Exhaustive switches: a new constant does not compile until it has a code.

    static int reasonCode(Reason reason) {
        return switch (reason) {
            case OK -> 0;
            case TIMEOUT -> 1;
            case REFUSED -> 2;
            case DNS -> 3;
            case TLS -> 4;
            case STATUS -> 5;
            case CONDITION -> 6;
            case BODY_TOO_LARGE -> 7;
            case REDIRECTS -> 8;
            case CERTIFICATE -> 9;
            case PROTOCOL -> 10;
            case ERROR -> 11;
        };
    }

    private static final Reason[] REASONS = table(Reason.values(), ResultCodec::reasonCode, Reason.class);

    static int phaseCode(Phase phase) {
        return switch (phase) {
            case DNS -> 0;
            case CONNECT -> 1;
            case TLS -> 2;
            case PROCESSING -> 3;
            case TRANSFER -> 4;
        };
    }

    private static final Phase[] PHASES = table(Phase.values(), ResultCodec::phaseCode, Phase.class);

    static int expiryCode(CertificateStatus.Expiry expiry) {
        return switch (expiry) {
            case OK -> 0;
            case WARN -> 1;
            case CRITICAL -> 2;
            case EXPIRED -> 3;
        };
    }

    private static final CertificateStatus.Expiry[] EXPIRIES =
            table(CertificateStatus.Expiry.values(), ResultCodec::expiryCode, CertificateStatus.Expiry.class);

    private static <E extends Enum<E>> E[] table(E[] values, java.util.function.ToIntFunction<E> code, Class<E> type) {
        @SuppressWarnings("unchecked")
        E[] byCode = (E[]) java.lang.reflect.Array.newInstance(type, values.length);
        for (E e : values) {
            int c = code.applyAsInt(e);
            if (c >= byCode.length || byCode[c] != null) {
                throw new IllegalStateException(type.getSimpleName() + " code table is not dense at " + e);
            }
            byCode[c] = e;
        }
        return byCode;
    }

    private static Reason reason(int code, In in) {
        if (code >= REASONS.length) {
            throw in.bad("unknown reason code " + code);
        }
        return REASONS[code];
    }

    private static Phase phase(int code, In in) {
        if (code >= PHASES.length) {
            throw in.bad("unknown phase code " + code);
        }
        return PHASES[code];
    }

    private static CertificateStatus.Expiry expiry(int code, In in) {
        if (code >= EXPIRIES.length) {
            throw in.bad("unknown certificate expiry code " + code);
        }
        return EXPIRIES[code];
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A growable byte array with the format's primitives. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void u8(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void instant(Instant t) {
            zigzag(t.getEpochSecond());
            varint(t.getNano());
        }

        void duration(Duration d) {
            zigzag(d.getSeconds());
            varint(d.getNano());
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            bytes(b, 0, b.length);
        }

        void bytes(byte[] b, int from, int length) {
            varint(length);
            ensure(length);
            System.arraycopy(b, from, buf, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /**
     * Reads the payload between a buffer's position and limit, from its backing array (copied first when it
     * has none, as a read-only buffer); every overrun is one clear message.
     */
    private static final class In {
        private final byte[] bytes;
        private final int start;
        private final int limit;
        private int pos;

        In(ByteBuffer buf) {
            if (buf.hasArray()) {
                this.bytes = buf.array();
                this.start = buf.arrayOffset() + buf.position();
                this.limit = buf.arrayOffset() + buf.limit();
            } else {
                this.bytes = new byte[buf.remaining()];
                buf.get(buf.position(), bytes);
                this.start = 0;
                this.limit = bytes.length;
            }
            this.pos = start;
        }

        void version() {
            if (pos >= limit) {
                throw new IllegalArgumentException("probe result payload: empty, expected format version " + VERSION);
            }
            int version = u8();
            if (version != VERSION) {
                throw new IllegalArgumentException("probe result payload: unknown format version " + version
                        + " (this build reads version " + VERSION + "; was the journal written by a newer Hypercare?)");
            }
        }

        int u8() {
            if (pos >= limit) {
                throw truncated();
            }
            return bytes[pos++] & 0xFF;
        }

        boolean bool() {
            int b = u8();
            if (b > 1) {
                throw bad("expected a flag 0 or 1, found " + b);
            }
            return b == 1;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw bad("varint longer than 10 bytes");
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        /** A length that must fit in what is left of the payload. */
        int length() {
            long n = varint();
            if (n < 0 || n > limit - pos) {
                throw bad("length " + n + " beyond the " + (limit - pos) + " bytes left");
            }
            return (int) n;
        }

        long count() {
            return length();
        }

        int nanos() {
            long nanos = varint();
            if (nanos > 999_999_999L) {
                throw bad("nanoseconds " + nanos + " out of range");
            }
            return (int) nanos;
        }

        Instant instant() {
            long seconds = zigzag();
            long nanos = nanos();
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (java.time.DateTimeException e) {
                throw bad("instant out of range");
            }
        }

        Duration duration() {
            long seconds = zigzag();
            return Duration.ofSeconds(seconds, nanos());
        }

        String string() {
            int n = length();
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String string(SummaryDecoder names) {
            int n = length();
            String s = names.name(bytes, pos, n);
            pos += n;
            return s;
        }

        byte[] rawBytes() {
            int n = length();
            byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return b;
        }

        void end() {
            if (pos != limit) {
                throw bad((limit - pos) + " unexpected bytes after the message");
            }
        }

        IllegalArgumentException truncated() {
            return new IllegalArgumentException("probe result payload: truncated after " + (pos - start) + " bytes");
        }

        IllegalArgumentException bad(String what) {
            return new IllegalArgumentException("probe result payload: " + what + " at byte " + (pos - start));
        }
    }
}
