package dev.hypercare.runner;

import dev.hypercare.incident.Incident;
import dev.hypercare.incident.ServiceState;
import dev.hypercare.probe.WindowStats;
import dev.hypercare.slo.BurnRateStatus;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the runner for /api/status, the status page and --once: the service state and why, the
 * service-wide windows, the burn-rate alerts, every probe and the open incidents. Immutable.
 *
 * @param reasons one line per cause of the state (a breached threshold, a fired rule, an open incident);
 *                empty when OK
 */
public record RunnerStatus(
        Instant time,
        Instant since,
        String service,
        ServiceState state,
        List<String> reasons,
        List<WindowStats> windows,
        List<BurnRateStatus> burnRates,
        List<ProbeStatus> probes,
        List<Incident> openIncidents) {

    public RunnerStatus {
        reasons = List.copyOf(reasons);
        windows = List.copyOf(windows);
        burnRates = List.copyOf(burnRates);
        probes = List.copyOf(probes);
        openIncidents = List.copyOf(openIncidents);
    }
}
