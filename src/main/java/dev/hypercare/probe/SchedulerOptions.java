package dev.hypercare.probe;

import dev.hypercare.BadInputException;
import dev.hypercare.DurationText;
import java.time.Duration;

/**
 * How {@link ProbeScheduler} runs probes.
 *
 * @param maxConcurrent   runs in flight at once; runs beyond wait for a permit
 * @param jitter          each slot moves by up to ± this fraction of the probe's interval (0 to below 0.5)
 * @param grace           time beyond a probe's own timeout before the scheduler abandons the run as TIMEOUT
 * @param closeWait       how long {@link ProbeScheduler#close()} waits for runs in flight
 * @param maxHungPerProbe abandoned runs of one probe whose threads may still hang before its slots are
 *                        skipped: this bounds the threads a probe that always hangs can hold
 */
public record SchedulerOptions(int maxConcurrent, double jitter, Duration grace, Duration closeWait, int maxHungPerProbe) {
    public static final int DEFAULT_MAX_CONCURRENT = 100;
    public static final double DEFAULT_JITTER = 0.1;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_HUNG_PER_PROBE = 2;

    public SchedulerOptions {
        if (maxConcurrent < 1 || maxConcurrent > 100_000) {
            throw new BadInputException("scheduler max concurrent: expected 1 to 100000, found " + maxConcurrent);
        }
        if (!(jitter >= 0 && jitter < 0.5)) {
            throw new BadInputException("scheduler jitter: expected a fraction from 0 to below 0.5, found " + jitter);
        }
        requireDuration("grace", grace);
        requireDuration("close wait", closeWait);
        if (maxHungPerProbe < 1) {
            throw new BadInputException("scheduler max hung per probe: expected at least 1, found " + maxHungPerProbe);
        }
    }

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(DEFAULT_MAX_CONCURRENT, DEFAULT_JITTER, DEFAULT_GRACE, DEFAULT_CLOSE_WAIT,
                DEFAULT_MAX_HUNG_PER_PROBE);
    }

    public SchedulerOptions withMaxConcurrent(int value) {
        return new SchedulerOptions(value, jitter, grace, closeWait, maxHungPerProbe);
    }

    public SchedulerOptions withJitter(double value) {
        return new SchedulerOptions(maxConcurrent, value, grace, closeWait, maxHungPerProbe);
    }

    public SchedulerOptions withGrace(Duration value) {
        return new SchedulerOptions(maxConcurrent, jitter, value, closeWait, maxHungPerProbe);
    }

    public SchedulerOptions withCloseWait(Duration value) {
        return new SchedulerOptions(maxConcurrent, jitter, grace, value, maxHungPerProbe);
    }

    public SchedulerOptions withMaxHungPerProbe(int value) {
        return new SchedulerOptions(maxConcurrent, jitter, grace, closeWait, value);
    }

    private static void requireDuration(String field, Duration value) {
        if (value == null || value.isNegative() || value.compareTo(Duration.ofHours(1)) > 0) {
            throw new BadInputException("scheduler " + field + ": expected 0 to 1h, found "
                    + (value == null ? "nothing" : DurationText.format(value)));
        }
    }
}
