package dev.hypercare.incident;

import dev.hypercare.probe.Reason;

import java.time.Instant;

/** A probe went down or came back up, as decided by its {@link FlapFilter}. */
public sealed interface ProbeTransition {
    String probe();

    /** When the deciding result ran (the last of the run). */
    Instant at();

    /**
     * {@code failures} consecutive failures, the first at {@code since}.
     *
     * @param severity of the incident the probe's failure opens
     * @param reason   why the last result failed
     * @param detail   the last result's message: short, never a header value or resolved URL
     */
    record Down(String probe, Severity severity, Instant since, Instant at, int failures, Reason reason, String detail)
            implements ProbeTransition {}

    /** {@code successes} consecutive successes, the first at {@code since}. */
    record Up(String probe, Instant since, Instant at, int successes) implements ProbeTransition {}
}
