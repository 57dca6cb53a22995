package dev.hypercare.runner;

import dev.hypercare.incident.Severity;
import dev.hypercare.probe.ProbeResult;
import dev.hypercare.probe.WindowStats;

import java.util.List;
import java.util.Optional;

/**
 * One probe now: whether flap suppression holds it up or down, its last result and its rolling windows
 * (5m, 15m, 1h, 24h, 7d).
 */
public record ProbeStatus(String name, String kind, String location, Severity severity, boolean up,
                          Optional<ProbeResult> last, List<WindowStats> windows) {
    public ProbeStatus {
        windows = List.copyOf(windows);
    }
}
