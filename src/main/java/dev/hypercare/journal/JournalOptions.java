package dev.hypercare.journal;

import dev.hypercare.BadInputException;
import java.time.Duration;

/**
 * How long segments are kept, how often unsynced appends are fsynced, and how many unsynced entries may pile
 * up before the flusher syncs early (the group-commit batch).
 */
public record JournalOptions(Duration retention, Duration fsyncInterval, int maxBatch) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_BATCH = 4096;

    public JournalOptions {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new BadInputException("journal retention: expected at least 1 day, found " + retention);
        }
        if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()
                || fsyncInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new BadInputException("journal fsync interval: expected between 1 ms and 1 m, found " + fsyncInterval);
        }
        if (maxBatch < 1) {
            throw new BadInputException("journal max batch: expected at least 1, found " + maxBatch);
        }
    }

    public static JournalOptions defaults() {
        return new JournalOptions(DEFAULT_RETENTION, DEFAULT_FSYNC_INTERVAL, DEFAULT_MAX_BATCH);
    }

    public JournalOptions withRetention(Duration value) {
        return new JournalOptions(value, fsyncInterval, maxBatch);
    }

    public JournalOptions withFsyncInterval(Duration value) {
        return new JournalOptions(retention, value, maxBatch);
    }

    public JournalOptions withMaxBatch(int value) {
        return new JournalOptions(retention, fsyncInterval, value);
    }
}
