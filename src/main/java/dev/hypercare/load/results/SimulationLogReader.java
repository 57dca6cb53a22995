package dev.hypercare.load.results;

import dev.hypercare.load.log.SimulationLogParser;
import java.nio.file.Path;

/** Reads a Gatling 3.16 simulation.log into {@link RunResults} in one streaming pass. */
public final class SimulationLogReader {
    private SimulationLogReader() {}

    public static RunResults read(Path simulationLog) {
        ResultsCollector collector = new ResultsCollector();
        SimulationLogParser.Outcome outcome = SimulationLogParser.parse(simulationLog, collector);
        return collector.results(outcome.truncated(), outcome.records());
    }
}
