package dev.hypercare.runner;

import dev.hypercare.incident.FlapFilter;
import dev.hypercare.incident.Incident;
import dev.hypercare.incident.IncidentBook;
import dev.hypercare.incident.IncidentChange;
import dev.hypercare.incident.IncidentRules;
import dev.hypercare.incident.ServiceAssessment;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.incident.ServiceStateJudge;
import dev.hypercare.incident.StateChange;
import dev.hypercare.probe.ProbeConfig;
import dev.hypercare.probe.ProbeMetricSource;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.ProbeSpec;
import dev.hypercare.probe.RollingWindows;
import dev.hypercare.slo.BurnRateJudge;
import dev.hypercare.slo.BurnRateStatus;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.RuleFinding;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's judgement, without I/O: results go into the rolling windows and through each probe's flap
 * filter into the incident book; every tick the policy judges the windows, burn rates are worked out, the
 * book escalates and the state is assessed. It returns what changed; {@link ProbeRunner} journals it and
 * sends the alerts. Owned by one thread; {@link #view()} is the immutable picture other threads read.
 */
final class RunnerCore {
    private final ProbeConfig config;
    private final SloPolicy policy;
    private final RollingWindows windows;
    private final IncidentBook book;
    private final Optional<BurnRateJudge> burnRates;
    private final Map<String, FlapFilter> filters = new LinkedHashMap<>();
    private final Map<String, ProbeResult> last = new HashMap<>();
    private ServiceStateJudge stateJudge;
    /** Start of the oldest result held: a burn-rate rule cannot judge a window longer than the history. */
    private Instant historyStart;
    private volatile View view;

    /** What other threads may read: the latest assessment, burn rates, open incidents and last results. */
    record View(Instant time, ServiceAssessment assessment, List<BurnRateStatus> burnRates, List<Incident> openIncidents,
                Map<String, ProbeResult> last, Map<String, Boolean> up) {}

    /** What one step changed: incident changes (journal each, then alert) and the state change, if any. */
    record Step(List<IncidentChange> incidents, Optional<StateChange> state) {
        static final Step NONE = new Step(List.of(), Optional.empty());
    }

    RunnerCore(ProbeConfig config, SloPolicy policy, RollingWindows windows) {
        this.config = config;
        this.policy = policy;
        this.windows = windows;
        IncidentRules rules = IncidentRules.DEFAULTS.withFlapSuppression(config.evaluation().failuresToOpen(),
                config.evaluation().successesToResolve());
        this.book = new IncidentBook(rules);
        this.burnRates = BurnRateJudge.fromPolicy(policy);
        this.stateJudge = new ServiceStateJudge(ServiceState.OK);
        this.view = new View(Instant.EPOCH, new ServiceAssessment(ServiceState.OK, List.of("starting")), List.of(), List.of(), Map.of(), Map.of());
    }

    /**
     * Takes back what the journal holds: the incidents' snapshots, the last state and each probe's last
     * result (the windows were fed the results already). A probe with an open incident starts down. Returns
     * the repairs the book made (to journal).
     */
    List<IncidentChange> restore(List<Incident> snapshots, Optional<ServiceState> lastState, Map<String, ProbeResult> lastResults, Instant now) {
        List<IncidentChange> changes = new ArrayList<>(book.restore(snapshots));
        changes.addAll(book.retainProbes(config.probes().stream().map(ProbeSpec::name).toList(), now));
        stateJudge = new ServiceStateJudge(lastState.orElse(ServiceState.OK));
        IncidentRules rules = IncidentRules.DEFAULTS.withFlapSuppression(config.evaluation().failuresToOpen(),
                config.evaluation().successesToResolve());
        for (ProbeSpec spec : config.probes()) {
            filters.put(spec.name(), book.isProbeDown(spec.name())
                    ? FlapFilter.down(spec.name(), spec.severity(), rules)
                    : FlapFilter.up(spec.name(), spec.severity(), rules));
        }
        lastResults.values().forEach(r -> noteHistory(r.start()));
        lastResults.forEach((probe, result) -> {
            if (filters.containsKey(probe)) {
                last.put(probe, result);
            }
        });
        publish(now, stateJudge.current());
        return changes;
    }

    /** One result: counted in the windows, then through the probe's flap filter. */
    Step onResult(ProbeResult result) {
        windows.record(result);
        noteHistory(result.start());
        last.put(result.probe(), result);
        FlapFilter filter = filters.get(result.probe());
        if (filter == null) {
            return Step.NONE; // a probe no longer configured (a late result after a reload)
        }
        List<IncidentChange> changes = filter.observe(result).map(book::probe).orElse(List.of());
        if (changes.isEmpty()) {
            return Step.NONE;
        }
        Step step = new Step(changes, Optional.empty());
        publish(result.start(), stateJudge.current());
        return step;
    }

    /** A tick: the policy over the windows ending now, burn rates, escalation by age, and the state. */
    Step evaluate(Instant now) {
        ProbeMetricSource source = ProbeMetricSource.forPolicy(windows, now, config.evaluation().window(), policy);
        GateResult gate = SloEvaluator.evaluate(policy, source, Optional.empty());
        List<BurnRateStatus> burns = burnRates.map(source::burnRates).orElse(List.of()).stream().map(b -> covered(b, now)).toList();
        List<RuleFinding> rules = new ArrayList<>(gate.rules());
        burns.stream().filter(b -> b.rule().page()).map(RunnerCore::asRule).forEach(rules::add);
        List<IncidentChange> changes = new ArrayList<>(book.rules(rules, now));
        changes.addAll(book.tick(now));
        Optional<StateChange> state = stateJudge.judge(gate, book.open(), now);
        view = new View(now, stateJudge.current(), burns, book.open(), Map.copyOf(last), upMap());
        return new Step(changes, state);
    }

    /**
     * A rule fires only once the history is as long as its short window: ten seconds of a flapping target
     * are not "5 minutes at 14.4 times the budget", though the counts alone would say so.
     */
    private BurnRateStatus covered(BurnRateStatus b, Instant now) {
        if (!b.firing() || historyStart == null) {
            return b;
        }
        java.time.Duration held = java.time.Duration.between(historyStart, now);
        if (held.compareTo(b.rule().shortWindow()) >= 0) {
            return b;
        }
        return new BurnRateStatus(b.rule(), b.longBurn(), b.shortBurn(), b.longSamples(), b.shortSamples(), false,
                b.explanation() + "; not firing yet: " + held.toSeconds() + " s of history, shorter than the "
                        + b.rule().shortWindow().toMinutes() + " min window");
    }

    private void noteHistory(Instant start) {
        if (historyStart == null || start.isBefore(historyStart)) {
            historyStart = start;
        }
    }

    /** A paging burn-rate alert is an escalation rule: while it fires, an incident is open for it. */
    private static RuleFinding asRule(BurnRateStatus b) {
        return new RuleFinding("burn rate " + b.rule().name(), RuleFinding.Kind.ESCALATE, Metric.AVAILABILITY, new Scope.Probes(),
                "burn >= " + b.rule().factor() + "x", b.firing(), Optional.empty(), b.longBurn(), b.explanation());
    }

    View view() {
        return view;
    }

    Collection<Incident> open() {
        return book.open();
    }

    private void publish(Instant time, ServiceAssessment assessment) {
        View old = view;
        view = new View(time, assessment, old.burnRates(), book.open(), Map.copyOf(last), upMap());
    }

    private Map<String, Boolean> upMap() {
        Map<String, Boolean> up = new LinkedHashMap<>();
        filters.forEach((name, f) -> up.put(name, f.isUp()));
        return up;
    }
}
