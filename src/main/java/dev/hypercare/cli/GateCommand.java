package dev.hypercare.cli;

import dev.hypercare.load.LoadGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Judges finished load runs with the SLO policy and writes verdict.md, verdict.html, verdict.json and junit.xml.",
            "Several --run directories are shards of one test, merged exactly. Exits 0 GO, 1 NO-GO or ROLLBACK, 3 INCONCLUSIVE.",
            "The health probes that ran beside a load (reports/<run-id>/probes/) are judged over the same span; without them",
            "the probe thresholds are skipped."
        })
final class GateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run directory (reports/<run-id>/); repeat for shards.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: the run directory; for shards, a sibling directory).")
    Path out;

    @Mixin
    GateOptions gate = new GateOptions();

    @Override
    public Integer call() throws Exception {
        LoadGate.Outcome outcome = LoadGate.run(new LoadGate.Options(runs, Optional.ofNullable(gate.policy),
                Optional.ofNullable(gate.baseline), gate.failOnWarn(), HypercareHome.get(), Optional.ofNullable(out)), System.out);
        return outcome.exitCode();
    }
}
