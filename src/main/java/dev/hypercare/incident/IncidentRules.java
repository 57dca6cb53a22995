package dev.hypercare.incident;

import dev.hypercare.BadInputException;
import dev.hypercare.DurationText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How probe failures become incidents and how incidents escalate, from the hypercare playbook. Checked
 * when built: a bad value is one line naming the field, what was expected and what was found.
 *
 * @param failuresToOpen     consecutive failures of a probe before it counts as down (flap suppression)
 * @param successesToResolve consecutive successes of a down probe before it counts as up again
 * @param outageToP0         a probe down this long makes its incident P0 ("complete outage over 5 min")
 * @param outageToRollback   a probe down this long recommends rollback ("inaccessible for over 15 min")
 * @param repeatedP0         this many P0 incidents within {@code repeatedP0Window} escalate the last one a level
 * @param repeatedP0Window   the span in which P0 incidents are counted (24 h)
 * @param p0Escalation       the P0 escalation matrix: element {@code i} is how long a P0 may stay unresolved
 *                           before it goes to level {@code i + 1} (hypercare lead, engineering manager,
 *                           executive); strictly increasing, at most three
 */
public record IncidentRules(
        int failuresToOpen,
        int successesToResolve,
        Duration outageToP0,
        Duration outageToRollback,
        int repeatedP0,
        Duration repeatedP0Window,
        List<Duration> p0Escalation) {

    private static final String WHERE = "incident rules: ";
    private static final int MAX_RUN = 1000;
    // Before DEFAULTS: its validation reads them.
    private static final Duration MAX_DURATION = Duration.ofDays(366);

    public static final IncidentRules DEFAULTS = new IncidentRules(3, 2, Duration.ofMinutes(5), Duration.ofMinutes(15),
            3, Duration.ofHours(24), List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1)));

    public IncidentRules {
        count("failuresToOpen", failuresToOpen, 1);
        count("successesToResolve", successesToResolve, 1);
        duration("outageToP0", outageToP0);
        duration("outageToRollback", outageToRollback);
        count("repeatedP0", repeatedP0, 2);
        duration("repeatedP0Window", repeatedP0Window);
        p0Escalation = matrix(p0Escalation);
    }

    /** These rules with other flap suppression counts. */
    public IncidentRules withFlapSuppression(int failures, int successes) {
        return new IncidentRules(failures, successes, outageToP0, outageToRollback, repeatedP0, repeatedP0Window, p0Escalation);
    }

    /** The escalation level the matrix asks of a P0 unresolved for {@code age}. */
    public int p0LevelAfter(Duration age) {
        int level = 0;
        while (level < p0Escalation.size() && age.compareTo(p0Escalation.get(level)) >= 0) {
            level++;
        }
        return level;
    }

    private static void count(String field, int value, int min) {
        if (value < min || value > MAX_RUN) {
            throw new BadInputException(WHERE + field + ": expected a whole number from " + min + " to " + MAX_RUN + ", found " + value);
        }
    }

    private static void duration(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
            throw new BadInputException(WHERE + field + ": expected " + DurationText.EXPECTED + " (more than 0, at most 366 days), found "
                    + (value == null ? "nothing" : DurationText.format(value)));
        }
    }

    private static List<Duration> matrix(List<Duration> steps) {
        String field = "p0Escalation";
        int levels = EscalationLevel.HIGHEST.level();
        if (steps == null || steps.size() > levels) {
            throw new BadInputException(WHERE + field + ": expected at most " + levels + " durations (one per level above on-call), found "
                    + (steps == null ? "nothing" : steps.size()));
        }
        List<Duration> checked = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Duration step = steps.get(i);
            duration(field + "[" + i + "]", step);
            if (i > 0 && step.compareTo(steps.get(i - 1)) <= 0) {
                throw new BadInputException(WHERE + field + "[" + i + "]: expected more than " + DurationText.format(steps.get(i - 1))
                        + " (the matrix only goes up), found " + DurationText.format(step));
            }
            checked.add(step);
        }
        return List.copyOf(checked);
    }
}
