package dev.hypercare.incident;

import static dev.hypercare.incident.Results.T0;

import dev.hypercare.probe.Reason;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Inputs for incident book tests: transitions, rule findings and times after {@link Results#T0}. */
final class Books {
    static final IncidentRules RULES = IncidentRules.DEFAULTS;
    /** Rules whose rollback recommendation comes too late to get in the way of other escalations. */
    static final IncidentRules NO_ROLLBACK = new IncidentRules(3, 2, Duration.ofMinutes(5), Duration.ofDays(300), 3,
            Duration.ofHours(24), RULES.p0Escalation());

    private Books() {}

    static Instant at(Duration d) {
        return T0.plus(d);
    }

    static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static ProbeTransition.Down down(String probe, Severity severity, Instant since, Instant at) {
        return new ProbeTransition.Down(probe, severity, since, at, 3, Reason.REFUSED, "connection refused");
    }

    static ProbeTransition.Up up(String probe, Instant since, Instant at) {
        return new ProbeTransition.Up(probe, since, at, 2);
    }

    static RuleFinding rule(String name, RuleFinding.Kind kind, String condition, boolean fired, String explanation) {
        return new RuleFinding(name, kind, Metric.ERROR_RATE, new Scope.Http(), condition, fired, Optional.empty(), 0.2, explanation);
    }

    /** The timeline as {@code event text} lines. */
    static List<String> events(Incident i) {
        return i.timeline().stream().map(e -> e.event() + " " + e.text()).toList();
    }
}
