package dev.hypercare.runner;

import java.util.Optional;

/**
 * Whether the heap fits the probes: the runner keeps 7 days of every probe's results in memory
 * (about 60 KB per probe run once a second, see {@code RollingWindows}) on top of a fixed base. A heap
 * that fits a short test can run out after days, so the runner says so at start, not at the crash.
 */
public final class HeapAdvice {
    /** The runner without probes: metrics registry, journal buffers, the policy, the JDK's HTTP client. */
    static final long BASE_BYTES = 64L << 20;
    /** A probe's week of rolling windows and its meters, rounded up. */
    static final long PER_PROBE_BYTES = 96L << 10;
    /** Room for the collector to work in: a heap that is nearly full of live data spends its time collecting. */
    static final double HEADROOM = 1.5;

    private HeapAdvice() {}

    /** The heap {@code probes} probes need after a week, with headroom. */
    public static long neededBytes(int probes) {
        return (long) ((BASE_BYTES + PER_PROBE_BYTES * probes) * HEADROOM);
    }

    /** A warning when {@code maxHeapBytes} is below what {@code probes} probes need; empty when it fits. */
    public static Optional<String> check(int probes, long maxHeapBytes) {
        long needed = neededBytes(probes);
        if (maxHeapBytes >= needed) {
            return Optional.empty();
        }
        long mib = (needed + (1 << 20) - 1) >> 20;
        return Optional.of("hypercare probe: warning: " + probes + " probes need about " + mib + " MB of heap after a week; this JVM has "
                + (maxHeapBytes >> 20) + " MB. Set HYPERCARE_JAVA_OPTS=-Xmx" + mib + "m (the default for probe is -Xmx256m).");
    }
}
