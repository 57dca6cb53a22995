package dev.hypercare.target;

import dev.hypercare.DurationText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void noneInjectsNothing() {
        Faults none = Faults.none();
        assertThat(none.latency()).isEqualTo(LatencyDistribution.none());
        assertThat(none.errorRate()).isZero();
        assertThat(none.authFailureRate()).isZero();
        assertThat(none.outage()).isEqualTo(Outage.NONE);
        assertThat(none.describe()).isEqualTo("none");
    }

    @Test
    void ratesOutsideZeroToOneAreBadInput() {
        assertThatThrownBy(() -> Faults.none().withErrorRate(1.5))
                .isInstanceOf(BadInputException.class)
                .hasMessage("errorRate: expected a number from 0 to 1, found '1.5'");
        assertThatThrownBy(() -> Faults.none().withAuthFailureRate(-0.1))
                .isInstanceOf(BadInputException.class)
                .hasMessage("authFailureRate: expected a number from 0 to 1, found '-0.1'");
        assertThatThrownBy(() -> Faults.none().withErrorRate(Double.NaN)).isInstanceOf(BadInputException.class);
    }

    @Test
    void rateTextIsParsedWithTheFieldNamedInErrors() {
        assertThat(Faults.parseRate("--error-rate", "0.25")).isEqualTo(0.25);
        assertThat(Faults.parseRate("--error-rate", "1")).isEqualTo(1.0);
        assertThatThrownBy(() -> Faults.parseRate("--error-rate", "lots"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--error-rate: expected a number from 0 to 1, found 'lots'");
        assertThatThrownBy(() -> Faults.parseRate("--error-rate", "2"))
                .hasMessage("--error-rate: expected a number from 0 to 1, found '2.0'");
    }

    @Test
    void describeListsOnlyActiveFaults() {
        Faults faults = Faults.none()
                .withLatency(LatencyDistribution.parse("700ms"))
                .withErrorRate(0.3)
                .withOutage(Outage.UNHEALTHY);
        assertThat(faults.describe()).isEqualTo("latency 700ms, errorRate 0.3, outage unhealthy");
    }

    @Test
    void outageParsesItsThreeNames() {
        assertThat(Outage.parse("none")).isEqualTo(Outage.NONE);
        assertThat(Outage.parse("unhealthy")).isEqualTo(Outage.UNHEALTHY);
        assertThat(Outage.parse("DOWN")).isEqualTo(Outage.DOWN);
        assertThat(Outage.DOWN.text()).isEqualTo("down");
        assertThatThrownBy(() -> Outage.parse("partial"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("outage: expected none, unhealthy or down, found 'partial'");
    }

    @Test
    void durationsRoundTripThroughText() {
        assertThat(DurationText.parse("--for", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("--for", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        assertThatThrownBy(() -> DurationText.parse("--for", "soon"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--for: expected a duration like 500ms, 30s, 5m or 1h, found 'soon'");
    }

    @Test
    void configRejectsBadPortsAndIntervals() {
        assertThatThrownBy(() -> TargetConfig.defaults().withHttpPort(70_000))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("httpPort: expected a port");
        assertThatThrownBy(() -> TargetConfig.defaults().withBroadcastInterval(Duration.ZERO))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("broadcastInterval: expected 1ms or more");
        TargetConfig defaults = TargetConfig.defaults();
        assertThat(defaults.bindHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.httpPort()).isZero();
        assertThat(defaults.faults()).isEqualTo(Faults.none());
        assertThat(defaults.broadcastInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.version()).isNotBlank();
    }
}
