package dev.hypercare.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of one probe. {@code status} is the HTTP status, or -1 when there is none (WebSocket, TLS, or
 * no response). {@code message} is short and never holds a header value or a resolved URL.
 */
public record ProbeResult(
        String probe,
        String location,
        Instant start,
        boolean success,
        int status,
        Reason reason,
        Duration total,
        Map<Phase, Duration> phases,
        List<ConditionResult> conditions,
        Optional<CertificateStatus> certificate,
        String message) {

    public ProbeResult {
        phases = phases.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(phases));
        conditions = List.copyOf(conditions);
    }

    /** The conditions that failed, as resolved: {@code [STATUS] (503) == 200}. */
    public List<String> failedConditions() {
        return conditions.stream().filter(c -> !c.ok()).map(ConditionResult::resolved).toList();
    }
}
