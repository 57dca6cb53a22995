package dev.hypercare.report.hypercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportTextTest {
    @Test
    void percentagesKeepTwoDecimalsAndNeverRoundTo100OrZero() {
        assertThat(ReportText.percent(1 - 84 / 17_280.0)).isEqualTo("99.51 %");
        assertThat(ReportText.percent(0.999)).isEqualTo("99.90 %");
        assertThat(ReportText.percent(0.999996)).isEqualTo("99.9996 %");
        assertThat(ReportText.percent(0.0000583)).isEqualTo("0.0058 %");
        assertThat(ReportText.percent(0)).isEqualTo("0.00 %");
        assertThat(ReportText.percent(1)).isEqualTo("100.00 %");
        assertThat(ReportText.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void changesShowTheirSignAndNothingIsPlusOrMinusZero() {
        assertThat(ReportText.points(-84 / 17_280.0)).isEqualTo("−0.49 pp");
        assertThat(ReportText.points(0.00001)).isEqualTo("±0 pp");
        assertThat(ReportText.millisChange(72.353, 72.381)).isEqualTo("±0 ms (±0.0 %)");
        assertThat(ReportText.millisChange(120, 100)).isEqualTo("+20 ms (+20.0 %)");
        assertThat(ReportText.millisChange(1_500, 3_000)).isEqualTo("−1.5 s (−50.0 %)");
        assertThat(ReportText.millisChange(Double.NaN, 3)).isEqualTo("—");
    }

    @Test
    void durationsShowTheirTwoLargestUnits() {
        assertThat(ReportText.duration(Duration.ofSeconds(410))).isEqualTo("6m 50s");
        assertThat(ReportText.duration(Duration.ofMinutes(7))).isEqualTo("7m");
        assertThat(ReportText.duration(Duration.ofHours(26).plusMinutes(5))).isEqualTo("1d 2h");
        assertThat(ReportText.duration(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void markdownAndXmlEscapeWhatWouldBeMarkup() {
        assertThat(ReportText.markdown("# a|b *c* error_rate _x_ <i> & &copy; [l](u)\nnext")).isEqualTo(
                "\\# a\\|b \\*c\\* error_rate \\_x\\_ \\<i> & &amp;copy; \\[l\\](u) next");
        assertThat(ReportText.xml("<a href=\"x\">'&'</a>\u0001")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD");
    }
}
