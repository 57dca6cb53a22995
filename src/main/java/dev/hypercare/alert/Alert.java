package dev.hypercare.alert;

import dev.hypercare.incident.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * One notification to deliver to every channel that wants it.
 *
 * @param id       unique per notification, stable across retries and restarts, e.g.
 *                 {@code INC-20261122-003/opened}: the outbox delivers each id at most once per channel
 *                 once acknowledged, and receivers may deduplicate on it
 * @param dedupKey stable per incident (PagerDuty's dedup_key): every trigger and the resolve of one
 *                 incident share it, e.g. {@code hypercare/demo/INC-20261122-003}
 * @param action   trigger or resolve
 * @param severity of the incident when this was sent
 * @param summary  one line for people, never a secret
 * @param source   the service and location that saw it
 * @param time     when the event happened (not when it was delivered)
 * @param details  extra fields (probe, reason, state, links), in order
 */
public record Alert(
        String id,
        String dedupKey,
        AlertAction action,
        Severity severity,
        String summary,
        String source,
        Instant time,
        Map<String, String> details) {

    public Alert {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
