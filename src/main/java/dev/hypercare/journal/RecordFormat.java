package dev.hypercare.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * The framing of one record (see package-info): magic/version byte, body length, CRC32C of the body, body.
 * All numbers are big-endian.
 */
final class RecordFormat {
    static final byte MAGIC_V1 = (byte) 0xA1;
    static final int HEADER = 1 + 4 + 4;
    /** sequence + epoch millis + kind length byte + at least one kind byte. */
    static final int MIN_BODY = 8 + 8 + 1 + 1;
    /** Larger lengths are taken as corruption rather than read into memory. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    static final int MAX_KIND_BYTES = 255;

    private RecordFormat() {}

    static byte[] kindBytes(String kind) {
        byte[] k = kind.getBytes(StandardCharsets.UTF_8);
        if (k.length == 0 || k.length > MAX_KIND_BYTES) {
            throw new IllegalArgumentException("journal kind must be 1 to 255 UTF-8 bytes: '" + kind + "'");
        }
        return k;
    }

    static byte[] encode(long sequence, long epochMillis, byte[] kind, byte[] payload) {
        int bodyLength = 8 + 8 + 1 + kind.length + payload.length;
        if (bodyLength > MAX_BODY) {
            throw new IllegalArgumentException("journal payload too large: " + payload.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate(HEADER + bodyLength);
        buf.put(MAGIC_V1).putInt(bodyLength).putInt(0);
        buf.putLong(sequence).putLong(epochMillis).put((byte) kind.length).put(kind).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER, bodyLength);
        buf.putInt(5, (int) crc.getValue());
        return buf.array();
    }

    /** Reads the next record; never reads more than one record's bytes past the current position. */
    static Frame decode(InputStream in) throws IOException {
        int magic = in.read();
        if (magic < 0) {
            return new Frame.End();
        }
        if ((byte) magic != MAGIC_V1) {
            return new Frame.Bad(String.format("unknown magic/version byte 0x%02x", magic));
        }
        byte[] header = in.readNBytes(8);
        if (header.length < 8) {
            return new Frame.Bad("short header (" + (1 + header.length) + " of " + HEADER + " bytes)");
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        int length = h.getInt();
        int expectedCrc = h.getInt();
        if (length < MIN_BODY || length > MAX_BODY) {
            return new Frame.Bad("bad length " + length);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return new Frame.Bad("short record (" + body.length + " of " + length + " body bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(body);
        if ((int) crc.getValue() != expectedCrc) {
            return new Frame.Bad("CRC mismatch");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        long sequence = b.getLong();
        long millis = b.getLong();
        int kindLength = Byte.toUnsignedInt(b.get());
        if (kindLength == 0 || kindLength > b.remaining()) {
            return new Frame.Bad("bad kind length " + kindLength);
        }
        String kind = new String(body, b.position(), kindLength, StandardCharsets.UTF_8);
        int payloadStart = b.position() + kindLength;
        byte[] payload = java.util.Arrays.copyOfRange(body, payloadStart, body.length);
        return new Frame.Good(new JournalEntry(sequence, Instant.ofEpochMilli(millis), kind, payload), HEADER + length);
    }
}
