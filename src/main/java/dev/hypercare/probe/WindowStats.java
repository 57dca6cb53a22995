package dev.hypercare.probe;

import java.time.Duration;

/**
 * Probe results over one rolling window ending now, for one probe or the whole service.
 * {@code availability} and {@code errorRate} are fractions (0..1) and {@code p95Millis} is the 95th
 * percentile of total probe duration; all three are NaN when {@code samples} is 0. Made by
 * {@link RollingSummary#stats()}, with the resolution and error bounds {@link RollingWindows} states.
 */
public record WindowStats(Duration window, long samples, long failures, double availability, double errorRate, double p95Millis) {}
