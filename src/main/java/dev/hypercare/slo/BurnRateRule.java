package dev.hypercare.slo;

import java.time.Duration;

/**
 * One multi-window burn-rate alert of the SRE workbook: it fires when the error budget burns at least
 * {@code factor} times the sustainable rate over both the long and the short window (the short one
 * makes it reset soon after recovery). {@code page} says whether it pages someone or files a ticket.
 */
public record BurnRateRule(String name, double factor, Duration longWindow, Duration shortWindow, boolean page) {}
