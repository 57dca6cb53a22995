package dev.hypercare.incident;

import java.util.Optional;

/**
 * The keys of incidents: at most one incident per key is open at a time. The key says what an incident
 * is about, so a restart finds the open incident of a failing probe or a firing rule again.
 * <ul>
 *   <li>{@code probe:<name>}: the probe is down (after flap suppression);
 *   <li>{@code probe:<name>/rollback}: the probe has been down so long that rollback is recommended;
 *   <li>{@code rule:<threshold>/escalate}, {@code rule:<threshold>/rollback}: a policy rule fires.
 * </ul>
 */
public final class IncidentKey {
    private static final String PROBE = "probe:";
    private static final String RULE = "rule:";
    private static final String ROLLBACK = "/rollback";
    private static final String ESCALATE = "/escalate";

    private IncidentKey() {}

    public static String probe(String probe) {
        return PROBE + probe;
    }

    public static String probeRollback(String probe) {
        return PROBE + probe + ROLLBACK;
    }

    public static String ruleEscalate(String threshold) {
        return RULE + threshold + ESCALATE;
    }

    public static String ruleRollback(String threshold) {
        return RULE + threshold + ROLLBACK;
    }

    /** Whether an open incident of this key means "roll back" (a rollback rule, or a probe down too long). */
    public static boolean recommendsRollback(String key) {
        return key.endsWith(ROLLBACK) && (key.startsWith(PROBE) || key.startsWith(RULE));
    }

    public static boolean isRule(String key) {
        return key.startsWith(RULE);
    }

    /** The probe a {@code probe:<name>} or {@code probe:<name>/rollback} key is about. */
    public static Optional<String> probeOf(String key) {
        if (!key.startsWith(PROBE)) {
            return Optional.empty();
        }
        String rest = key.substring(PROBE.length());
        return Optional.of(rest.endsWith(ROLLBACK) ? rest.substring(0, rest.length() - ROLLBACK.length()) : rest);
    }

    /** Whether the key is the outage incident of a probe (not its rollback recommendation). */
    public static boolean isProbeOutage(String key) {
        return key.startsWith(PROBE) && !key.endsWith(ROLLBACK);
    }
}
