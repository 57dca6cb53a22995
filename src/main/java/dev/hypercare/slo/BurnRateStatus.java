package dev.hypercare.slo;

/**
 * A burn-rate rule judged now: the burn rate over each window (error ratio / error budget, NaN without
 * samples), the samples behind each, and whether it fires. It never fires on fewer samples than the
 * minimum-sample guard, so a handful of early probe failures cannot page.
 */
public record BurnRateStatus(BurnRateRule rule, double longBurn, double shortBurn, long longSamples, long shortSamples,
                             boolean firing, String explanation) {}
