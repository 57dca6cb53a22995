package dev.hypercare.runner;

import dev.hypercare.alert.Alert;
import dev.hypercare.alert.AlertAction;
import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentChange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an incident change into the alert that tells people. The alert id is the change's id (stable across
 * restarts, so the outbox ignores a replayed one) and the dedup key is the incident's, so a receiver such
 * as PagerDuty folds an incident's triggers and its resolve into one alert.
 */
final class IncidentAlerts {
    private IncidentAlerts() {}

    static Alert of(IncidentChange change, String service) {
        Incident incident = change.incident();
        AlertAction action = change.kind() == IncidentChange.Kind.RESOLVED ? AlertAction.RESOLVE : AlertAction.TRIGGER;
        String summary = switch (change.kind()) {
            case OPENED -> "[" + incident.severity() + "] " + incident.title();
            case ESCALATED -> "[" + incident.severity() + "] " + incident.title() + " (escalated to "
                    + incident.escalationLevel().role() + ": " + change.why() + ")";
            case RESOLVED -> "resolved: " + incident.title() + " (after " + length(incident) + ")";
        };
        Map<String, String> details = new LinkedHashMap<>();
        details.put("incident", incident.id());
        details.put("key", incident.key());
        details.put("severity", incident.severity().name());
        details.put("escalation", incident.escalationLevel().role());
        details.put("opened", incident.opened().toString());
        incident.resolved().ifPresent(r -> details.put("resolved", r.toString()));
        details.put("why", change.why());
        return new Alert(change.id(), dedupKey(service, incident), action, incident.severity(), summary, "hypercare/" + service,
                changeTime(incident), details);
    }

    static String dedupKey(String service, Incident incident) {
        return "hypercare/" + service + "/" + incident.id();
    }

    private static java.time.Instant changeTime(Incident incident) {
        return incident.timeline().isEmpty() ? incident.opened() : incident.timeline().getLast().time();
    }

    private static String length(Incident incident) {
        long seconds = incident.resolved().map(r -> java.time.Duration.between(incident.opened(), r).toSeconds()).orElse(0L);
        return seconds >= 3600 ? seconds / 3600 + "h " + (seconds % 3600) / 60 + "m"
                : seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s";
    }
}
