package dev.hypercare.incident;

import java.time.Instant;
import java.util.List;

/** The service moved from one state to another at {@code time}, for {@code reasons} (the new state's causes). */
public record StateChange(Instant time, ServiceState from, ServiceState to, List<String> reasons) {
    public StateChange {
        reasons = List.copyOf(reasons);
    }
}
