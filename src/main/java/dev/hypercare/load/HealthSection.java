package dev.hypercare.load;

import dev.hypercare.incident.Incident;
import dev.hypercare.load.probes.ProbeRecord;
import dev.hypercare.load.probes.ProbeResultsSource;
import dev.hypercare.report.HealthProbes;
import dev.hypercare.slo.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report's "Health probes during the run": each probe over the judged span, from the same source
 * that judged the policy's probe thresholds (so the table and the findings agree), and the incidents
 * the probes opened while the load ran.
 */
final class HealthSection {
    static final int TOP_REASONS = 3;

    private HealthSection() {}

    static HealthProbes build(List<RunInput> inputs, List<ProbeRecord> records, ProbeResultsSource source) {
        List<RunManifest.Probes> ran = inputs.stream()
                .flatMap(i -> i.manifest().stream())
                .map(RunManifest::probes)
                .filter(java.util.Objects::nonNull)
                .toList();
        // the config's order first; a probe only the journal knows (an older or edited run.json) after
        Set<String> names = new LinkedHashSet<>();
        ran.forEach(p -> p.probes().forEach(probe -> names.add(probe.name())));
        names.addAll(source.probes());
        List<HealthProbes.ProbeRow> rows = names.stream().map(name -> row(name, new Scope.Probe(name), source)).toList();
        List<HealthProbes.IncidentRow> incidents = new ArrayList<>();
        for (ProbeRecord record : records) {
            for (Incident i : record.incidents()) {
                incidents.add(new HealthProbes.IncidentRow(record.runId(), i.id(), i.severity().name(), i.title(), i.opened(), i.resolved()));
            }
        }
        incidents.sort(Comparator.comparing(HealthProbes.IncidentRow::opened).thenComparing(HealthProbes.IncidentRow::id));
        List<String> notes = records.stream().flatMap(r -> r.notes().stream()).toList();
        return new HealthProbes(describe(ran, records), source.span(), rows, row("all probes", new Scope.Probes(), source),
                incidents, notes);
    }

    private static HealthProbes.ProbeRow row(String name, Scope scope, ProbeResultsSource source) {
        ProbeResultsSource.Tally t = source.tally(scope, source.span());
        return new HealthProbes.ProbeRow(name, t.samples(), t.failures(), t.availability(), t.percentileMillis(95),
                t.percentileMillis(100),
                t.topReasons(TOP_REASONS).stream().map(e -> new HealthProbes.ReasonRow(e.getKey(), e.getValue())).toList());
    }

    /** {@code 4 probes of profiles/probes.yaml, every 1s, against the load's target}. */
    private static String describe(List<RunManifest.Probes> ran, List<ProbeRecord> records) {
        String runs = records.size() == 1 ? "" : " in " + records.size() + " runs (their results pooled)";
        Optional<RunManifest.Probes> first = ran.stream().findFirst();
        if (first.isEmpty()) {
            return "the probes journal" + (records.size() == 1 ? " of run " + records.getFirst().runId() : "s") + runs;
        }
        List<RunManifest.Probe> probes = first.get().probes();
        Set<String> intervals = new LinkedHashSet<>();
        probes.stream().map(RunManifest.Probe::interval).sorted(Comparator.comparing(HealthSection::seconds)).forEach(intervals::add);
        return probes.size() + (probes.size() == 1 ? " probe" : " probes") + " of " + first.get().config()
                + ", every " + String.join(" or ", intervals) + ", against the load's target" + runs;
    }

    private static double seconds(String duration) {
        return dev.hypercare.DurationText.parse(duration).map(d -> d.toNanos() / 1e9).orElse(Double.MAX_VALUE);
    }
}
