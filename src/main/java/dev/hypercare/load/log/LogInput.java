package dev.hypercare.load.log;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Big-endian primitives over a file channel with one reusable buffer: the hot loop of the reader, so
 * no per-call locking or allocation. Running out of bytes mid-value throws {@link EOFException}, which
 * the parser turns into "truncated after record N".
 */
final class LogInput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private long consumed;

    LogInput(FileChannel channel) {
        this.channel = channel;
        buffer.flip();
    }

    /** The next byte, or -1 at a clean end of file. */
    int readHeaderOrEnd() throws IOException {
        if (!buffer.hasRemaining() && !fill(1)) {
            return -1;
        }
        consumed++;
        return buffer.get() & 0xFF;
    }

    byte readByte() throws IOException {
        require(1);
        consumed++;
        return buffer.get();
    }

    int readInt() throws IOException {
        require(Integer.BYTES);
        consumed += Integer.BYTES;
        return buffer.getInt();
    }

    long readLong() throws IOException {
        require(Long.BYTES);
        consumed += Long.BYTES;
        return buffer.getLong();
    }

    byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            if (!buffer.hasRemaining() && !fill(1)) {
                throw new EOFException();
            }
            int n = Math.min(length - done, buffer.remaining());
            buffer.get(bytes, done, n);
            done += n;
        }
        consumed += length;
        return bytes;
    }

    void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            if (!buffer.hasRemaining() && !fill(1)) {
                throw new EOFException();
            }
            int n = (int) Math.min(left, buffer.remaining());
            buffer.position(buffer.position() + n);
            left -= n;
        }
        consumed += length;
    }

    long position() {
        return consumed;
    }

    private void require(int bytes) throws IOException {
        if (buffer.remaining() < bytes && !fill(bytes)) {
            throw new EOFException();
        }
    }

    /** Refills until {@code bytes} are available; false at end of file. */
    private boolean fill(int bytes) throws IOException {
        buffer.compact();
        try {
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    return false;
                }
            }
            return true;
        } finally {
            buffer.flip();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
