package dev.hypercare.runner;

import dev.hypercare.probe.Phase;
import dev.hypercare.probe.ProbeResult;

import java.util.List;
import java.util.Locale;

/**
 * What {@code hypercare probe --once} prints: one line per probe (outcome, name, status, time, and for a
 * failure its reason and failed conditions as resolved), then the count. Results are already secret-free.
 */
public final class OnceReport {
    private OnceReport() {}

    public static String render(List<ProbeResult> results) {
        int width = results.stream().mapToInt(r -> r.probe().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        for (ProbeResult r : results) {
            out.append(String.format(Locale.ROOT, "  %-4s  %-" + width + "s  %-3s  %6d ms", r.success() ? "ok" : "FAIL", r.probe(),
                    r.status() < 0 ? "-" : Integer.toString(r.status()), r.total().toMillis()));
            if (!r.success()) {
                out.append("  ").append(r.reason().text());
                List<String> failed = r.failedConditions();
                out.append(": ").append(failed.isEmpty() ? r.message() : String.join("; ", failed));
            }
            out.append(System.lineSeparator());
        }
        long ok = results.stream().filter(ProbeResult::success).count();
        out.append(ok).append(" of ").append(results.size()).append(" probes succeeded");
        return out.toString();
    }

    /** Exit status of a round: 0 when every probe succeeded. */
    public static boolean allSucceeded(List<ProbeResult> results) {
        return !results.isEmpty() && results.stream().allMatch(ProbeResult::success);
    }

    static String phases(ProbeResult r) {
        StringBuilder s = new StringBuilder();
        for (Phase p : Phase.values()) {
            if (r.phases().containsKey(p)) {
                s.append(p.text()).append(' ').append(r.phases().get(p).toMillis()).append("ms ");
            }
        }
        return s.toString().strip();
    }
}
