/**
 * Incidents and service state of the hypercare runner: pure, deterministic state machines with no clock
 * and no I/O. Time comes in as arguments; what changed comes back as values the runner journals (with
 * {@link dev.hypercare.incident.IncidentCodec}) and turns into alerts.
 * <pre>
 *   ProbeResult ──&gt; FlapFilter (per probe: N failures down, M successes up) ──&gt; ProbeTransition
 *   ProbeTransition, tick(now), rules(RuleFinding...) ──&gt; IncidentBook ──&gt; IncidentChange (snapshot + why)
 *   GateResult + open incidents ──&gt; ServiceStateJudge ──&gt; StateChange (only when the state moves)
 * </pre>
 * After a restart: {@code IncidentBook.restore} from the journal's snapshots, each probe's filter starts
 * down when {@code isProbeDown}, and {@code ServiceStateJudge} starts at the last journaled state.
 * {@link dev.hypercare.incident.IncidentRules} holds the playbook's numbers.
 */
package dev.hypercare.incident;
