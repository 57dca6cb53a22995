package dev.hypercare.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.hypercare.slo.BurnRateJudge.Counts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SRE workbook's multi-window, multi-burn-rate alerts on a 99.9 % availability objective. */
class BurnRateJudgeTest {
    static final BurnRateJudge JUDGE = BurnRateJudge.fromPolicy(SloPolicyTest.DEFAULT).orElseThrow();
    static final BurnRateRule FAST = BurnRateJudge.SRE_WORKBOOK.get(0);
    static final BurnRateRule MEDIUM = BurnRateJudge.SRE_WORKBOOK.get(1);
    static final BurnRateRule TICKET = BurnRateJudge.SRE_WORKBOOK.get(2);

    @Test
    void theShippedPolicyGivesTheObjectiveAndTheWorkbookRules() {
        assertThat(JUDGE.objective()).isEqualTo(0.999);
        assertThat(JUDGE.budget()).as("exactly 0.1 %, not 1 - 0.999 in doubles").isEqualTo(0.001);
        assertThat(JUDGE.minSamples()).isEqualTo(30);
        assertThat(JUDGE.rules()).containsExactly(
                new BurnRateRule("2% of budget in 1h", 14.4, Duration.ofHours(1), Duration.ofMinutes(5), true),
                new BurnRateRule("5% of budget in 6h", 6, Duration.ofHours(6), Duration.ofMinutes(30), true),
                new BurnRateRule("10% of budget in 3d", 1, Duration.ofDays(3), Duration.ofHours(6), false));
        // each rule spends its share of a 30-day budget over its long window
        for (BurnRateRule r : JUDGE.rules()) {
            double share = r.factor() * r.longWindow().toHours() / Duration.ofDays(30).toHours();
            assertThat(share).isEqualTo(Double.parseDouble(r.name().substring(0, r.name().indexOf('%'))) / 100, offset(1e-12));
        }
    }

    @Test
    void withoutAServiceAvailabilityTargetThereIsNoBudgetToBurn() {
        SloPolicy noTarget = SloPolicyTest.DEFAULT.withOverrides(Map.of("thresholds", Map.of("probe availability", Map.of("target", "none"))));
        assertThat(BurnRateJudge.fromPolicy(noTarget)).isEmpty();
        SloPolicy disabled = SloPolicyTest.DEFAULT.withOverrides(Map.of("thresholds", Map.of("probe availability", Map.of("enabled", false))));
        assertThat(BurnRateJudge.fromPolicy(disabled)).isEmpty();
        SloPolicy stricter = SloPolicyTest.DEFAULT.withOverrides(Map.of("thresholds", Map.of("probe availability", Map.of("target", ">= 99.99%"))));
        assertThat(BurnRateJudge.fromPolicy(stricter).orElseThrow().budget()).isEqualTo(0.0001);
    }

    @Test
    void fastBurnOverBothWindowsPages() {
        BurnRateStatus s = JUDGE.judge(FAST, new Counts(1_000, 15), new Counts(100, 2));
        assertThat(s.firing()).isTrue();
        assertThat(s.longBurn()).isEqualTo(15.0);
        assertThat(s.shortBurn()).isEqualTo(20.0);
        assertThat(s.longSamples()).isEqualTo(1_000);
        assertThat(s.shortSamples()).isEqualTo(100);
        assertThat(s.explanation()).isEqualTo("2% of budget in 1h (14.4x over 1h and 5m): burn 15x over 1h (15 of 1,000 failed)"
                + " and 20x over 5m (2 of 100 failed): page, both at or above 14.4x");
    }

    @ParameterizedTest(name = "{1} of 10,000 failed over 1h → firing {2}")
    @CsvSource({"14.4, 144, true", "14.3, 143, false"})
    void aBurnExactlyAtTheFactorFires(double burn, long failures, boolean firing) {
        BurnRateStatus s = JUDGE.judge(FAST, new Counts(10_000, failures), new Counts(1_000, 20));
        assertThat(s.longBurn()).isEqualTo(burn);
        assertThat(s.firing()).isEqualTo(firing);
    }

    @Test
    void aBurnThatStoppedResetsWithTheShortWindow() {
        BurnRateStatus s = JUDGE.judge(FAST, new Counts(960, 160), new Counts(80, 0));
        assertThat(s.firing()).isFalse();
        assertThat(s.shortBurn()).isZero();
        assertThat(s.explanation()).isEqualTo("2% of budget in 1h (14.4x over 1h and 5m): burn 166.7x over 1h (160 of 960 failed)"
                + " and 0x over 5m (0 of 80 failed): quiet, below 14.4x over 5m");
    }

    @Test
    void aSlowerBurnPagesOnTheSixHourRuleOnly() {
        Map<Duration, Counts> counts = Map.of(
                Duration.ofHours(1), new Counts(960, 7),        // 7.3x
                Duration.ofMinutes(5), new Counts(80, 1),       // 12.5x
                Duration.ofHours(6), new Counts(5_760, 40),     // 6.9x
                Duration.ofMinutes(30), new Counts(480, 4),     // 8.3x
                Duration.ofDays(3), new Counts(69_120, 40));    // 0.6x, and its short window is the 6h above
        List<BurnRateStatus> statuses = JUDGE.judge(counts::get);
        assertThat(statuses).extracting(BurnRateStatus::firing).containsExactly(false, true, false);
        assertThat(statuses.get(0).explanation()).endsWith("quiet, below 14.4x over 1h and 5m");
        assertThat(statuses.get(1).explanation()).isEqualTo("5% of budget in 6h (6x over 6h and 30m): burn 6.9x over 6h (40 of 5,760 failed)"
                + " and 8.3x over 30m (4 of 480 failed): page, both at or above 6x");
        assertThat(statuses.get(2).explanation()).endsWith("quiet, below 1x over 3d");
    }

    @Test
    void aSteadyBurnOfTheWholeBudgetFilesATicket() {
        BurnRateStatus s = JUDGE.judge(TICKET, new Counts(100_000, 100), new Counts(10_000, 10));
        assertThat(s.firing()).isTrue();
        assertThat(s.rule().page()).isFalse();
        assertThat(s.explanation()).endsWith(": ticket, both at or above 1x");
    }

    @Test
    void aHandfulOfResultsNeverPagesHoweverBadTheyLook() {
        BurnRateStatus early = JUDGE.judge(FAST, new Counts(3, 1), new Counts(3, 1));
        assertThat(early.longBurn()).isCloseTo(333.3, offset(0.1));
        assertThat(early.firing()).isFalse();
        assertThat(early.explanation()).isEqualTo("2% of budget in 1h (14.4x over 1h and 5m): burn 333.3x over 1h (1 of 3 failed)"
                + " and 333.3x over 5m (1 of 3 failed): not judged, 3 results over 1h, fewer than the 30 needed");

        BurnRateStatus shortThin = JUDGE.judge(MEDIUM, new Counts(2_000, 200), new Counts(29, 29));
        assertThat(shortThin.firing()).isFalse();
        assertThat(shortThin.explanation()).endsWith("not judged, 29 results over 30m, fewer than the 30 needed");
        assertThat(JUDGE.judge(MEDIUM, new Counts(2_000, 200), new Counts(30, 30)).firing()).as("30 are enough").isTrue();

        BurnRateStatus none = JUDGE.judge(FAST, new Counts(0, 0), new Counts(0, 0));
        assertThat(none.longBurn()).isNaN();
        assertThat(none.firing()).isFalse();
        assertThat(none.explanation()).contains("no value over 1h (no results)");
    }

    @Test
    void badRulesOrObjectivesAreRefused() {
        assertThatThrownBy(() -> new BurnRateJudge(List.of(), 0.999, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurnRateJudge(BurnRateJudge.SRE_WORKBOOK, 1.0, 30)).hasMessageContaining("found 1.0");
        assertThatThrownBy(() -> new BurnRateJudge(BurnRateJudge.SRE_WORKBOOK, 0.999, 0)).isInstanceOf(IllegalArgumentException.class);
        BurnRateRule backwards = new BurnRateRule("backwards", 2, Duration.ofMinutes(5), Duration.ofHours(1), true);
        assertThatThrownBy(() -> new BurnRateJudge(List.of(backwards), 0.999, 30)).hasMessageContaining("backwards");
        assertThatThrownBy(() -> new Counts(5, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
