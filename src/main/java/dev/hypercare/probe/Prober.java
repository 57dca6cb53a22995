package dev.hypercare.probe;

import java.time.Clock;

/**
 * Runs one probe once and never throws for what the network does: every failure is a {@link ProbeResult}.
 * One implementation per kind, as in blackbox_exporter; {@link ProbeDispatcher} picks it.
 */
public interface Prober {
    ProbeResult probe(ProbeSpec spec, Clock clock);
}
