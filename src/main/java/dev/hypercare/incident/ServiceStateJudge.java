package dev.hypercare.incident;

import dev.hypercare.slo.Finding;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The service state from the policy's verdict over the rolling windows and the open incidents; the
 * worst evidence wins.
 * <ul>
 *   <li>verdict: GO → OK, GO-WITH-RISKS → DEGRADED, NO-GO → CRITICAL, ROLLBACK → ROLLBACK RECOMMENDED,
 *       INCONCLUSIVE → OK ("not enough samples yet": no data is no alarm, and never a pass either);
 *   <li>the gate's evidence: a fired rollback rule → ROLLBACK RECOMMENDED, a fired escalate rule or a
 *       FAIL → CRITICAL, a WARN → DEGRADED (so an inconclusive gate with a warning is still DEGRADED);
 *   <li>open incidents: a rollback recommendation → ROLLBACK RECOMMENDED, P0/P1 → CRITICAL, P2/P3 → DEGRADED.
 * </ul>
 * Remembers the current state (restored from the journal's last {@link StateChange}) so it reports a
 * change only when the state moves. Not thread-safe.
 */
public final class ServiceStateJudge {
    private ServiceAssessment current;

    /** Starts at {@code state}: OK on a fresh journal, else the {@code to} of its last state change. */
    public ServiceStateJudge(ServiceState state) {
        this.current = new ServiceAssessment(state, List.of());
    }

    public ServiceState state() {
        return current.state();
    }

    /** The latest assessment (its reasons are empty until the first {@link #judge}). */
    public ServiceAssessment current() {
        return current;
    }

    /** Judges now; returns the change to journal when the state moved, empty when it did not. */
    public Optional<StateChange> judge(GateResult gate, Collection<Incident> open, Instant now) {
        ServiceAssessment next = assess(gate, open);
        ServiceState from = current.state();
        current = next;
        return next.state() == from ? Optional.empty() : Optional.of(new StateChange(now, from, next.state(), next.reasons()));
    }

    /** The state and its reasons from a gate result and the open incidents (resolved ones are ignored). */
    public static ServiceAssessment assess(GateResult gate, Collection<Incident> open) {
        List<Cause> causes = new ArrayList<>();
        for (RuleFinding r : gate.rules()) {
            if (r.fired()) {
                causes.add(new Cause(r.kind() == RuleFinding.Kind.ROLLBACK ? ServiceState.ROLLBACK_RECOMMENDED : ServiceState.CRITICAL,
                        r.name() + ": " + r.explanation()));
            }
        }
        for (Finding f : gate.findings()) {
            switch (f.outcome()) {
                case FAIL -> causes.add(new Cause(ServiceState.CRITICAL, f.name() + ": " + f.explanation()));
                case WARN -> causes.add(new Cause(ServiceState.DEGRADED, f.name() + ": " + f.explanation()));
                case PASS, NO_DATA, SKIPPED -> { }
            }
        }
        for (Incident i : open) {
            if (i.isOpen()) {
                causes.add(new Cause(of(i), i.id() + " (" + i.severity() + "): " + i.title()));
            }
        }
        ServiceState verdictState = switch (gate.verdict()) {
            case GO, INCONCLUSIVE -> ServiceState.OK;
            case GO_WITH_RISKS -> ServiceState.DEGRADED;
            case NO_GO -> ServiceState.CRITICAL;
            case ROLLBACK -> ServiceState.ROLLBACK_RECOMMENDED;
        };
        ServiceState state = causes.stream().map(Cause::state).reduce(verdictState, ServiceState::worst);
        if (causes.stream().noneMatch(c -> c.state() == state) && state != ServiceState.OK) {
            // The verdict says more than the evidence it came with: name it rather than give no reason.
            causes.add(new Cause(state, "policy verdict " + gate.verdict().label()));
        }
        List<String> reasons = new ArrayList<>(causes.stream()
                .sorted(Comparator.comparing(Cause::state).reversed())
                .map(Cause::line)
                .toList());
        if (gate.verdict() == Verdict.INCONCLUSIVE) {
            reasons.add("not enough samples yet" + gate.inconclusiveReason().map(r -> ": " + r).orElse(""));
        }
        return new ServiceAssessment(state, reasons);
    }

    private static ServiceState of(Incident incident) {
        if (incident.recommendsRollback()) {
            return ServiceState.ROLLBACK_RECOMMENDED;
        }
        return switch (incident.severity()) {
            case P0, P1 -> ServiceState.CRITICAL;
            case P2, P3 -> ServiceState.DEGRADED;
        };
    }

    private record Cause(ServiceState state, String line) {}
}
