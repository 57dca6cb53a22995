package dev.hypercare.report.hypercare;

import dev.hypercare.incident.ServiceState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of the day in one service state, from the runner's state changes; the state is empty
 * before the journal's first change ({@code reasons}: why the state was entered).
 */
public record StatePeriod(Optional<ServiceState> state, Instant from, Instant to, List<String> reasons) {
    public StatePeriod {
        reasons = List.copyOf(reasons);
    }

    public String label() {
        return state.map(ServiceState::label).orElse("UNKNOWN");
    }
}
