package dev.hypercare.load.log;

import java.util.List;

/** The run record that opens every simulation.log: who wrote it, what ran, when, and the scenarios by index. */
public record RunHeader(
        String gatlingVersion, String simulationClass, long startMillis, String description,
        List<String> scenarios, int assertionCount) {

    public RunHeader {
        scenarios = List.copyOf(scenarios);
    }
}
