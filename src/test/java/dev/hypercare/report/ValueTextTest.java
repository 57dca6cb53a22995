package dev.hypercare.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypercare.slo.Metric;
import dev.hypercare.slo.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    @Test
    void ratiosArePercentagesWithOneDecimalOrTwoSignificantDigitsWhenSmall() {
        assertThat(ValueText.percent(0.024)).isEqualTo("2.4 %");
        assertThat(ValueText.percent(0)).isEqualTo("0.0 %");
        assertThat(ValueText.percent(0.001)).isEqualTo("0.1 %");
        assertThat(ValueText.percent(0.0004)).isEqualTo("0.04 %");
        assertThat(ValueText.percent(0.000123)).isEqualTo("0.012 %");
        assertThat(ValueText.percent(1)).isEqualTo("100.0 %");
        assertThat(ValueText.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void aRatioJustUnderOneNeverRoundsUpToAHundred() {
        assertThat(ValueText.percent(0.9995)).isEqualTo("99.95 %");
        assertThat(ValueText.percent(0.99999)).isEqualTo("99.999 %");
        assertThat(ValueText.percent(0.999)).isEqualTo("99.9 %");
    }

    @Test
    void latenciesInMillisecondsBelowASecondAndSecondsAbove() {
        assertThat(ValueText.millis(712)).isEqualTo("712 ms");
        assertThat(ValueText.millis(5_200)).isEqualTo("5.2 s");
        assertThat(ValueText.millis(1_000)).isEqualTo("1.0 s");
        assertThat(ValueText.millis(2.5)).isEqualTo("2.5 ms");
        assertThat(ValueText.millis(182.4)).isEqualTo("182 ms");
        assertThat(ValueText.millis(Double.NaN)).isEqualTo("—");
    }

    @Test
    void throughputAndCountsWithThousandsSeparators() {
        assertThat(ValueText.perSecond(1_234.4)).isEqualTo("1,234 req/s");
        assertThat(ValueText.perSecond(12.34)).isEqualTo("12.3 req/s");
        assertThat(ValueText.count(1_234_567L)).isEqualTo("1,234,567");
        assertThat(ValueText.of(12_500, Metric.Unit.COUNT)).isEqualTo("12,500");
    }

    @Test
    void windowsAndDurations() {
        var w = new Window(Instant.parse("2025-06-01T12:01:00Z"), Instant.parse("2025-06-01T12:09:30Z"));
        assertThat(ValueText.window(w)).isEqualTo("12:01:00–12:09:30 UTC (8m 30s)");
        var overMidnight = new Window(Instant.parse("2025-06-01T23:59:00Z"), Instant.parse("2025-06-02T01:00:00Z"));
        assertThat(ValueText.window(overMidnight)).isEqualTo("2025-06-01 23:59:00 – 2025-06-02 01:00:00 UTC (1h 1m)");
        assertThat(ValueText.duration(Duration.ZERO)).isEqualTo("0s");
    }
}
