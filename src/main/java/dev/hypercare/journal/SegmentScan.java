package dev.hypercare.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of reading a segment from start to end: where the good records end, the last sequence and,
 * if the segment does not end on a record boundary, why.
 */
record SegmentScan(Path file, long goodBytes, long fileSize, long entries, long lastSequence, Optional<String> damage) {

    static SegmentScan of(Path file) throws IOException {
        long fileSize = Files.size(file);
        long offset = 0;
        long entries = 0;
        long last = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            while (true) {
                switch (RecordFormat.decode(in)) {
                    case Frame.Good g -> {
                        offset += g.size();
                        entries++;
                        last = Math.max(last, g.entry().sequence());
                    }
                    case Frame.End e -> {
                        return new SegmentScan(file, offset, fileSize, entries, last, Optional.empty());
                    }
                    case Frame.Bad b -> {
                        return new SegmentScan(file, offset, fileSize, entries, last, Optional.of(b.reason()));
                    }
                }
            }
        }
    }

    long damagedBytes() {
        return fileSize - goodBytes;
    }
}
