package dev.hypercare.incident;

import java.util.List;

/**
 * How the service stands and why: one line per cause, the gravest first (a fired rule's or breached
 * threshold's explanation, an open incident's title). Empty reasons only when OK with nothing to add.
 */
public record ServiceAssessment(ServiceState state, List<String> reasons) {
    public ServiceAssessment {
        reasons = List.copyOf(reasons);
    }
}
