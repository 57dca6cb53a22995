package dev.hypercare.incident;

import java.time.Instant;

/** One line of an incident's timeline: when, what kind of event ({@code opened}, {@code escalated}, ...) and why. */
public record TimelineEntry(Instant time, String event, String text) {}
