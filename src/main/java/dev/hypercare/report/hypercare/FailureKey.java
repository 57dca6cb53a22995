package dev.hypercare.report.hypercare;

import dev.hypercare.probe.Reason;

/** Why checks failed, as reports group them: the reason and the HTTP status when there was one. */
record FailureKey(Reason reason, int status) {

    /** {@code refused}, {@code timeout}, {@code status (HTTP 503)}. */
    String label() {
        return status >= 0 ? reason.text() + " (HTTP " + status + ")" : reason.text();
    }
}
