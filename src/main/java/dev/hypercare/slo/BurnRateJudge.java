package dev.hypercare.slo;

import dev.hypercare.DurationText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Multi-window, multi-burn-rate alerts on the availability objective, after the SRE workbook
 * ("Alerting on SLOs"). The burn rate over a window is its error ratio divided by the error budget
 * ({@code 1 - objective}): 1 spends the budget exactly over the SLO period, 14.4 spends 2 % of a 30-day
 * budget in one hour. A rule fires when both its windows burn at or above its factor (the long window
 * proves the burn is significant, the short one that it is still going on) and both hold at least
 * {@code minSamples} results: without that guard a handful of early results (one failure in the first
 * three probes is a 33 % error ratio, a burn of 333) would page. Pure: counts come from a {@link Counter}.
 */
public final class BurnRateJudge {
    /** Samples and failures over one window ending now. */
    public record Counts(long samples, long failures) {
        public Counts {
            if (samples < 0 || failures < 0 || failures > samples) {
                throw new IllegalArgumentException("counts: expected 0 <= failures <= samples, found " + failures + " of " + samples);
            }
        }
    }

    /** Counts the results over the window of the given length that ends now. */
    @FunctionalInterface
    public interface Counter {
        Counts over(Duration window);
    }

    /** The workbook's three rules for a 30-day budget: 2 % in 1 h and 5 % in 6 h page, 10 % in 3 days files a ticket. */
    public static final List<BurnRateRule> SRE_WORKBOOK = List.of(
            new BurnRateRule("2% of budget in 1h", 14.4, Duration.ofHours(1), Duration.ofMinutes(5), true),
            new BurnRateRule("5% of budget in 6h", 6, Duration.ofHours(6), Duration.ofMinutes(30), true),
            new BurnRateRule("10% of budget in 3d", 1, Duration.ofDays(3), Duration.ofHours(6), false));

    /**
     * 30 results in each window: four probes every 30 s give 40 in the shortest window (5m), so the
     * fastest rule can page with the usual probe set, while a cold start (or a new probe set) needs
     * several rounds of every probe before any rule may fire.
     */
    public static final long DEFAULT_MIN_SAMPLES = 30;

    /** The threshold of the policy whose target is the objective: availability over every probe. */
    public static final String OBJECTIVE_SOURCE = "the enabled availability threshold with scope probes and a target";

    // burn rates are ratios of doubles: one exactly at the factor must fire
    private static final double TOLERANCE = 1e-9;

    private final List<BurnRateRule> rules;
    private final double objective;
    private final double budget;
    private final long minSamples;

    /** {@code objective} as a fraction below 1 (0.999 for 99.9 %). */
    public BurnRateJudge(List<BurnRateRule> rules, double objective, long minSamples) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("burn-rate rules: expected at least one");
        }
        for (BurnRateRule r : rules) {
            if (!(r.factor() > 0) || !r.shortWindow().isPositive() || r.shortWindow().compareTo(r.longWindow()) >= 0) {
                throw new IllegalArgumentException("burn-rate rule " + r.name()
                        + ": expected a factor above 0 and a short window above 0 and shorter than the long one");
            }
        }
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("availability objective: expected a fraction between 0 and 1, found " + objective);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minimum samples: expected at least 1, found " + minSamples);
        }
        this.rules = List.copyOf(rules);
        this.objective = objective;
        // 1 - 0.999 in doubles is 0.0010000000000000009; the budget is exact in decimal
        this.budget = BigDecimal.ONE.subtract(new BigDecimal(Double.toString(objective))).doubleValue();
        this.minSamples = minSamples;
    }

    /**
     * The workbook's rules and the default guard, on the objective the policy sets for the service:
     * the target of {@value #OBJECTIVE_SOURCE}, e.g. {@code >= 99.9%}. Empty when the policy sets none:
     * without an objective there is no budget to burn.
     */
    public static Optional<BurnRateJudge> fromPolicy(SloPolicy policy) {
        return policy.thresholds().stream()
                .filter(t -> t.enabled() && t.metric() == Metric.AVAILABILITY && t.scope() instanceof Scope.Probes)
                .flatMap(t -> t.level(Level.TARGET).stream())
                .filter(c -> !c.comparesWithBaseline() && c.comparison().upward() && c.value() > 0 && c.value() < 1)
                .findFirst()
                .map(c -> new BurnRateJudge(SRE_WORKBOOK, c.value(), DEFAULT_MIN_SAMPLES));
    }

    public List<BurnRateRule> rules() {
        return rules;
    }

    public double objective() {
        return objective;
    }

    /** The error budget: the share of results allowed to fail, {@code 1 - objective}. */
    public double budget() {
        return budget;
    }

    public long minSamples() {
        return minSamples;
    }

    /** Every rule judged on the counts {@code counter} gives, in the order of the rules. */
    public List<BurnRateStatus> judge(Counter counter) {
        List<BurnRateStatus> statuses = new ArrayList<>(rules.size());
        for (BurnRateRule rule : rules) {
            statuses.add(judge(rule, counter.over(rule.longWindow()), counter.over(rule.shortWindow())));
        }
        return statuses;
    }

    /** One rule on the counts of its two windows. */
    public BurnRateStatus judge(BurnRateRule rule, Counts longCounts, Counts shortCounts) {
        double longBurn = burn(longCounts);
        double shortBurn = burn(shortCounts);
        String over = "burn " + window(rule.longWindow(), longBurn, longCounts) + " and " + window(rule.shortWindow(), shortBurn, shortCounts);
        String head = rule.name() + " (" + times(rule.factor()) + " over " + length(rule.longWindow()) + " and "
                + length(rule.shortWindow()) + "): ";
        Optional<String> thin = thin(rule.longWindow(), longCounts).or(() -> thin(rule.shortWindow(), shortCounts));
        boolean longBurns = longBurn >= rule.factor() - TOLERANCE;
        boolean shortBurns = shortBurn >= rule.factor() - TOLERANCE;
        boolean firing = thin.isEmpty() && longBurns && shortBurns;
        String verdict;
        if (thin.isPresent()) {
            verdict = "not judged, " + thin.get();
        } else if (firing) {
            verdict = (rule.page() ? "page" : "ticket") + ", both at or above " + times(rule.factor());
        } else {
            List<String> below = new ArrayList<>(2);
            if (!longBurns) {
                below.add(length(rule.longWindow()));
            }
            if (!shortBurns) {
                below.add(length(rule.shortWindow()));
            }
            verdict = "quiet, below " + times(rule.factor()) + " over " + String.join(" and ", below);
        }
        return new BurnRateStatus(rule, longBurn, shortBurn, longCounts.samples(), shortCounts.samples(), firing,
                head + over + ": " + verdict);
    }

    private double burn(Counts counts) {
        // failures / (samples × budget) rather than (failures / samples) / budget: exact for round figures
        return counts.samples() == 0 ? Double.NaN : counts.failures() / (counts.samples() * budget);
    }

    private Optional<String> thin(Duration window, Counts counts) {
        return counts.samples() >= minSamples ? Optional.empty()
                : Optional.of(Quantities.count(counts.samples()) + " results over " + length(window) + ", fewer than the "
                        + Quantities.count(minSamples) + " needed");
    }

    /** {@code 20x over 1h (12 of 600 failed)}, or {@code no value over 5m (no results)}. */
    private static String window(Duration length, double burn, Counts counts) {
        String evidence = counts.samples() == 0 ? "no results"
                : Quantities.count(counts.failures()) + " of " + Quantities.count(counts.samples()) + " failed";
        return (Double.isNaN(burn) ? "no value" : times(burn)) + " over " + length(length) + " (" + evidence + ")";
    }

    /** {@code 14.4x}, {@code 6x}, {@code 0.3x}. */
    static String times(double factor) {
        BigDecimal d = BigDecimal.valueOf(factor).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString()) + "x";
    }

    /** {@code 5m}, {@code 1h}, {@code 3d}. */
    private static String length(Duration d) {
        return d.toMillis() % Duration.ofDays(1).toMillis() == 0 ? d.toDays() + "d" : DurationText.format(d);
    }
}
