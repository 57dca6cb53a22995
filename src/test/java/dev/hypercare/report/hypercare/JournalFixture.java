package dev.hypercare.report.hypercare;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentCodec;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.Severity;
import dev.hypercare.incident.StateChange;
import dev.hypercare.incident.TimelineEntry;
import dev.hypercare.journal.Journal;
import dev.hypercare.journal.JournalOptions;
import dev.hypercare.probe.ConditionResult;
import dev.hypercare.probe.Phase;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.Reason;
import dev.hypercare.probe.ResultCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes journals with known content, as the probe runner would: results (the runner's payload,
 * realistic phases and conditions), incident snapshots and state changes, at fixed times through
 * {@link Journal}. Every check written is also kept in {@link #checks()} so that tests compute the
 * expected figures on their own.
 */
final class JournalFixture implements AutoCloseable {
    private final Journal journal;
    private final List<Check> written = new ArrayList<>();
    private final boolean keep;

    /** What one check ended as. */
    record Outcome(boolean success, Reason reason, int status, Duration total) {
        static Outcome ok(Duration total) {
            return new Outcome(true, Reason.OK, 200, total);
        }

        static Outcome failed(Reason reason, int status, Duration total) {
            return new Outcome(false, reason, status, total);
        }
    }

    /** Decides the outcome of the {@code index}-th check of a probe (counting from the schedule's start). */
    @FunctionalInterface
    interface Plan {
        Outcome outcome(String probe, Instant start, long index);
    }

    record Check(String probe, Instant start, Outcome outcome) {}

    /** A journal in {@code dir} whose clock stands at {@code now} (retention is counted from it). */
    JournalFixture(Path dir, Instant now) {
        this(dir, now, true);
    }

    JournalFixture(Path dir, Instant now, boolean keepChecks) {
        this.journal = Journal.open(dir, JournalOptions.defaults().withRetention(Duration.ofDays(400)), Clock.fixed(now, ZoneOffset.UTC));
        this.keep = keepChecks;
    }

    List<Check> checks() {
        return List.copyOf(written);
    }

    /** Every probe checks every {@code interval} from {@code from} (inclusive) to {@code to} (exclusive), in time order. */
    JournalFixture checks(List<String> probes, Instant from, Instant to, Duration interval, Plan plan) {
        long index = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(interval), index++) {
            for (String probe : probes) {
                Outcome o = plan.outcome(probe, t, index);
                journal.append(ResultCodec.KIND, t, ResultCodec.encode(result(probe, t, o)));
                if (keep) {
                    written.add(new Check(probe, t, o));
                }
            }
        }
        return this;
    }

    JournalFixture incident(Instant written, Incident snapshot) {
        journal.append(IncidentCodec.INCIDENT, written, IncidentCodec.encode(snapshot));
        return this;
    }

    JournalFixture state(Instant at, ServiceState from, ServiceState to, String... reasons) {
        journal.append(IncidentCodec.STATE, at, IncidentCodec.encode(new StateChange(at, from, to, List.of(reasons))));
        return this;
    }

    /**
     * An incident on {@code key} opened at {@code opened} with {@code severity}, escalated to P0 at
     * {@code escalated} when given, resolved at {@code resolved} when given: one snapshot per change.
     */
    JournalFixture incident(String id, String title, Severity severity, Instant opened, Optional<Instant> escalated,
                            Optional<Instant> resolved) {
        List<TimelineEntry> timeline = new ArrayList<>(List.of(new TimelineEntry(opened, "opened", title)));
        incident(opened, new Incident(id, "probe:" + id, title, severity, 0, opened, Optional.empty(), timeline));
        Severity now = severity;
        int escalation = 0;
        if (escalated.isPresent()) {
            now = Severity.P0;
            escalation = 1;
            timeline.add(new TimelineEntry(escalated.get(), "escalated", "outage > 5 min: P0, hypercare lead"));
            incident(escalated.get(), new Incident(id, "probe:" + id, title, now, escalation, opened, Optional.empty(), timeline));
        }
        if (resolved.isPresent()) {
            timeline.add(new TimelineEntry(resolved.get(), "resolved", "passing again"));
            incident(resolved.get(), new Incident(id, "probe:" + id, title, now, escalation, opened, resolved, timeline));
        }
        return this;
    }

    /** What the runner writes: phases and three conditions for HTTP checks, a message for failures. */
    static ProbeResult result(String probe, Instant start, Outcome o) {
        Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
        phases.put(Phase.DNS, Duration.ofNanos(41_000));
        if (o.success()) {
            phases.put(Phase.PROCESSING, o.total().multipliedBy(9).dividedBy(10));
            phases.put(Phase.TRANSFER, o.total().dividedBy(20));
        }
        List<ConditionResult> conditions = o.status() < 0 ? List.of() : List.of(
                new ConditionResult("[STATUS] == 200", o.status() == 200, "[STATUS] (" + o.status() + ") == 200"),
                new ConditionResult("[BODY].status == \"UP\"", o.success(), "[BODY].status (\"" + (o.success() ? "UP" : "DOWN") + "\") == \"UP\""),
                new ConditionResult("[RESPONSE_TIME] < 500ms", true, "[RESPONSE_TIME] (" + o.total().toMillis() + "ms) < 500ms"));
        String message = o.success() ? "" : switch (o.reason()) {
            case REFUSED -> "connection refused";
            case STATUS -> "[STATUS] (" + o.status() + ") == 200";
            case TIMEOUT -> "no response within the timeout";
            default -> o.reason().text();
        };
        return new ProbeResult(probe, "local", start, o.success(), o.status(), o.reason(), o.total(), phases, conditions,
                Optional.empty(), message);
    }

    @Override
    public void close() {
        journal.close();
    }
}
