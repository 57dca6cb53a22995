package dev.hypercare.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * The part of a {@link ProbeResult} that reports aggregate: who, when, whether it passed, how and how long.
 * {@link ResultCodec#decodeSummary} reads it without touching phases, conditions, certificate or message.
 * {@code status} is -1 when there is none, as in {@link ProbeResult}.
 */
public record ResultSummary(String probe, String location, Instant start, boolean success, int status, Reason reason,
                            Duration total) {

    /** The summary of a full result: what {@code decodeSummary(encode(result))} gives. */
    public static ResultSummary of(ProbeResult r) {
        return new ResultSummary(r.probe(), r.location(), r.start(), r.success(), r.status(), r.reason(), r.total());
    }
}
