package dev.hypercare.probe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * probes.yaml as written, bound strictly before {@link ProbeReader} checks its rules. One flat entry for
 * every kind, so that a field of another kind gets "not on a tls probe" rather than "unknown field";
 * header values stay Objects so that no binding message can quote one.
 */
record ProbeFile(String service, EvaluationEntry evaluation, List<Entry> probes, List<AlertEntry> alerts) {
    record EvaluationEntry(Duration window, Integer failuresToOpen, Integer successesToResolve, Integer maxConcurrent) {}

    record AlertEntry(String name, String kind, String url, String routingKey, String minSeverity, Map<String, Object> headers) {}

    record Entry(
            String name,
            String kind,
            String url,
            Duration interval,
            Duration timeout,
            String location,
            String severity,
            String method,
            Map<String, Object> headers,
            List<String> conditions,
            Long maxBodyBytes,
            Integer followRedirects,
            String subprotocol,
            String send,
            String expect,
            Integer warnDays,
            Integer criticalDays) {}
}
