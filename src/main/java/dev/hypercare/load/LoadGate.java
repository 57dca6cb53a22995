package dev.hypercare.load;

import dev.hypercare.BadInputException;
import dev.hypercare.load.probes.ProbeRecord;
import dev.hypercare.load.probes.ProbeResultsSource;
import dev.hypercare.load.results.RunMetricSource;
import dev.hypercare.load.results.RunResults;
import dev.hypercare.report.GateReport;
import dev.hypercare.report.Headline;
import dev.hypercare.report.ReportFiles;
import dev.hypercare.report.ValueText;
import dev.hypercare.slo.Condition;
import dev.hypercare.slo.GateResult;
import dev.hypercare.slo.Level;
import dev.hypercare.slo.Metric;
import dev.hypercare.slo.MetricSource;
import dev.hypercare.slo.Scope;
import dev.hypercare.slo.SloEvaluator;
import dev.hypercare.slo.SloPolicy;
import dev.hypercare.slo.Window;
import dev.hypercare.profile.TrafficProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The go/no-go gate of a load test: reads one run directory or several shards, judges them with the
 * SLO policy (the profile's overrides applied), and writes verdict.md, verdict.json, verdict.html and
 * junit.xml. A run whose injector failed is INCONCLUSIVE: it must not blame the target. The health
 * probes that ran beside the load are judged over the same span as its requests
 * ({@link CombinedMetricSource}); without them the probe thresholds are SKIPPED.
 */
public final class LoadGate {
    public record Options(List<Path> runs, Optional<Path> policy, Optional<Path> baseline, boolean failOnWarn,
                          Path home, Optional<Path> out) {
        public Options {
            runs = List.copyOf(runs);
        }
    }

    public record Outcome(GateResult result, Path reportDirectory, int exitCode) {}

    private LoadGate() {}

    public static Outcome run(Options options, PrintStream out) throws IOException {
        if (options.runs().isEmpty()) {
            throw new BadInputException("--run: expected at least one run directory, found none");
        }
        List<RunInput> inputs = options.runs().stream().map(dir -> RunInput.read(dir, "--run")).toList();
        RunResults results = RunResults.merge(inputs.stream().map(RunInput::results).toList());
        Optional<TrafficProfile> profile = inputs.get(0).profile();

        SloPolicy policy = policy(options.policy(), options.home(), profile);
        Window whole = RunMetricSource.wholeRun(results);
        Window span = policy.excludeRamps() ? profile.map(p -> withoutRamps(p, results, whole)).orElse(whole) : whole;
        // probes belong to the runs that ran them: shards' results are pooled, like several locations
        List<ProbeRecord> probeRecords = inputs.stream().flatMap(i -> i.probes().stream()).toList();
        Optional<ProbeResultsSource> probes = probeRecords.isEmpty()
                ? Optional.empty()
                : Optional.of(new ProbeResultsSource(probeRecords.stream().flatMap(r -> r.samples().stream()).toList(), span));
        MetricSource source = new CombinedMetricSource(new RunMetricSource(results, span), probes);
        Optional<MetricSource> baseline = options.baseline().map(dir -> {
            RunResults base = RunInput.read(dir, "--baseline").results();
            return new RunMetricSource(base, RunMetricSource.wholeRun(base));
        });

        List<String> failures = inputs.stream().flatMap(i -> i.injectorFailure().stream()).toList();
        GateResult result = failures.isEmpty()
                ? SloEvaluator.evaluate(policy, source, baseline)
                : SloEvaluator.inconclusive(String.join("; ", failures));

        Path directory = options.out().orElseGet(() -> inputs.size() == 1
                ? inputs.get(0).directory()
                : inputs.get(0).directory().resolveSibling(inputs.get(0).runId() + "+" + (inputs.size() - 1) + "-shards"));
        Files.createDirectories(directory);
        GateReport report = LoadReportModel.build(runSummary(inputs, results, span, whole, directory, failures), result, results, chartLimits(policy));
        if (probes.isPresent()) {
            report = report.withHealthProbes(HealthSection.build(inputs, probeRecords, probes.get()));
        }
        ReportFiles.Written written = ReportFiles.writeAll(report, directory);

        Headline headline = Headline.of(result);
        out.println();
        out.println("hypercare gate: " + headline.title() + ": " + headline.reason());
        out.println("  verdict.md:   " + written.markdown());
        out.println("  verdict.html: " + written.html());
        out.println("  verdict.json: " + written.json());
        out.println("  junit.xml:    " + written.junit());
        report.healthProbes().ifPresent(h -> out.println("  health probes: " + ValueText.count(h.all().samples()) + " results over the judged span, availability "
                + ValueText.percent(h.all().availability()) + ", p95 " + ValueText.millis(h.all().p95Millis()) + "; "
                + h.incidents().size() + (h.incidents().size() == 1 ? " incident" : " incidents") + " opened during the run"));
        return new Outcome(result, directory, result.verdict().exitCode(options.failOnWarn()));
    }

    /**
     * The policy that judges a run: {@code file} (default profiles/slo.yaml in {@code home}) with the
     * profile's {@code policy:} overrides applied.
     */
    public static SloPolicy policy(Optional<Path> file, Path home, Optional<TrafficProfile> profile) {
        SloPolicy policy = SloPolicy.load(file.orElse(home.resolve("profiles").resolve("slo.yaml")));
        if (profile.isPresent() && !profile.get().policy().isEmpty()) {
            policy = policy.withOverrides("profile '" + profile.get().name() + "' policy", profile.get().policy());
        }
        return policy;
    }

    /** The hold alone: ramps measure a target on its way up or down, not at the load being judged. */
    private static Window withoutRamps(TrafficProfile profile, RunResults results, Window whole) {
        Instant start = results.start().plus(profile.phases().rampUp());
        Instant end = start.plus(profile.phases().hold());
        Instant from = Instant.ofEpochSecond(start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0));
        Instant to = end.isAfter(whole.end()) ? whole.end() : Instant.ofEpochSecond(end.getEpochSecond());
        return to.isAfter(from) ? new Window(from, to) : whole;
    }

    private static GateReport.Run runSummary(List<RunInput> inputs, RunResults results, Window span, Window whole,
                                             Path directory, List<String> failures) {
        List<String> notes = new ArrayList<>(failures);
        if (results.truncated()) {
            notes.add("simulation.log is truncated: results are those of the records before the cut");
        }
        if (inputs.get(0).profile().isEmpty()) {
            notes.add("no profile.yaml in the run directory: the whole run was judged, ramps included");
        }
        if (inputs.size() > 1) {
            notes.add(inputs.size() + " shards merged: counts summed, histograms merged, seconds aligned on wall-clock time");
        }
        List<String> gatlingReports = inputs.stream()
                .map(i -> i.directory().resolve("gatling").resolve("index.html"))
                .filter(Files::exists)
                .map(p -> directory.toAbsolutePath().relativize(p.toAbsolutePath()).toString())
                .toList();
        boolean evaluatedPart = !span.equals(whole);
        return new GateReport.Run(
                inputs.stream().map(RunInput::runId).toList(),
                inputs.get(0).profile().map(TrafficProfile::name).orElse("unknown"),
                inputs.get(0).manifest().map(RunManifest::target).orElse("unknown"),
                results.start(), results.end(),
                evaluatedPart ? Optional.of(span.start()) : Optional.empty(),
                evaluatedPart ? Optional.of(span.end()) : Optional.empty(),
                gatlingReports, results.truncated(), notes);
    }

    /** Threshold lines for the charts: the policy's p95 and error-rate levels on all HTTP requests. */
    private static GateReport.ChartLimits chartLimits(SloPolicy policy) {
        return new GateReport.ChartLimits(
                level(policy, Metric.P95, Level.WARN), level(policy, Metric.P95, Level.CRITICAL),
                level(policy, Metric.ERROR_RATE, Level.WARN), level(policy, Metric.ERROR_RATE, Level.CRITICAL));
    }

    private static double level(SloPolicy policy, Metric metric, Level level) {
        return policy.thresholds().stream()
                .filter(t -> t.enabled() && t.metric() == metric && t.scope() instanceof Scope.Http && !t.comparesWithBaseline())
                .map(t -> t.level(level))
                .flatMap(Optional::stream)
                .mapToDouble(Condition::value)
                .findFirst()
                .orElse(Double.NaN);
    }

}
