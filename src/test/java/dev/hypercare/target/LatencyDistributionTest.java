package dev.hypercare.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyDistributionTest {

    private final RandomGenerator random = new SplittableRandom(42);

    @Test
    void parsesEveryTextForm() {
        assertThat(LatencyDistribution.parse("none")).isEqualTo(LatencyDistribution.none());
        assertThat(LatencyDistribution.parse("700ms")).isEqualTo(new LatencyDistribution.Fixed(Duration.ofMillis(700)));
        assertThat(LatencyDistribution.parse("uniform(100ms,300ms)"))
                .isEqualTo(new LatencyDistribution.Uniform(Duration.ofMillis(100), Duration.ofMillis(300)));
        assertThat(LatencyDistribution.parse("normal(200ms,50ms)"))
                .isEqualTo(new LatencyDistribution.Normal(Duration.ofMillis(200), Duration.ofMillis(50)));
        assertThat(LatencyDistribution.parse("exponential(150ms)"))
                .isEqualTo(new LatencyDistribution.Exponential(Duration.ofMillis(150)));
    }

    @Test
    void durationsAcceptMillisecondsSecondsAndMinutes() {
        assertThat(LatencyDistribution.parse("2s")).isEqualTo(new LatencyDistribution.Fixed(Duration.ofSeconds(2)));
        assertThat(LatencyDistribution.parse("1m")).isEqualTo(new LatencyDistribution.Fixed(Duration.ofMinutes(1)));
        assertThat(LatencyDistribution.parse("1.5s")).isEqualTo(new LatencyDistribution.Fixed(Duration.ofMillis(1500)));
        assertThat(LatencyDistribution.parse(" uniform( 1s , 2s ) "))
                .isEqualTo(new LatencyDistribution.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void textIsCanonicalAndReadsBack() {
        for (String text : new String[] {
            "none", "700ms", "2s", "1m", "1500ms", "uniform(100ms,300ms)", "normal(200ms,50ms)", "exponential(150ms)"
        }) {
            LatencyDistribution parsed = LatencyDistribution.parse(text);
            assertThat(parsed.text()).isEqualTo(text);
            assertThat(LatencyDistribution.parse(parsed.text())).isEqualTo(parsed);
        }
        assertThat(LatencyDistribution.parse("1.5s").text()).isEqualTo("1500ms");
        assertThat(LatencyDistribution.parse("60s").text()).isEqualTo("1m");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fast", "", "700", "-5ms", "700 millis", "uniform(100ms)", "uniform(100ms,300ms,500ms)", "normal(200ms)",
        "exponential()", "exponential(150ms,1s)", "gaussian(1s,2s)", "uniform(100ms,abc)", "400d", "uniform(1s,2s"
    })
    void invalidTextIsBadInputNamingFieldExpectedAndFound(String text) {
        assertThatThrownBy(() -> LatencyDistribution.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessage("latency: expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms),"
                        + " found '" + text + "'");
    }

    @Test
    void errorMessageForFastIsExactlyOneLine() {
        assertThatThrownBy(() -> LatencyDistribution.parse("fast"))
                .hasMessage("latency: expected 700ms, uniform(100ms,300ms), normal(200ms,50ms) or exponential(150ms),"
                        + " found 'fast'");
    }

    @Test
    void errorMessageNamesTheGivenField() {
        assertThatThrownBy(() -> LatencyDistribution.parse("--latency", "slow"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--latency: expected 700ms");
    }

    @Test
    void uniformWithMinAboveMaxIsBadInput() {
        assertThatThrownBy(() -> LatencyDistribution.parse("uniform(300ms,100ms)"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("latency: expected uniform(min,max) with min <= max, found 'uniform(300ms,100ms)'");
    }

    @Test
    void fixedAlwaysSamplesItsDelay() {
        LatencyDistribution fixed = LatencyDistribution.parse("700ms");
        for (int i = 0; i < 100; i++) {
            assertThat(fixed.sample(random)).isEqualTo(Duration.ofMillis(700));
        }
        assertThat(LatencyDistribution.none().sample(random)).isZero();
    }

    @Test
    void uniformSamplesStayWithinBounds() {
        LatencyDistribution uniform = LatencyDistribution.parse("uniform(100ms,300ms)");
        Duration min = Duration.ofDays(1);
        Duration max = Duration.ZERO;
        for (int i = 0; i < 10_000; i++) {
            Duration sample = uniform.sample(random);
            assertThat(sample).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
            min = sample.compareTo(min) < 0 ? sample : min;
            max = sample.compareTo(max) > 0 ? sample : max;
        }
        assertThat(min).isLessThan(Duration.ofMillis(110));
        assertThat(max).isGreaterThan(Duration.ofMillis(290));
    }

    @Test
    void normalIsClampedAtZeroAndCentredOnTheMean() {
        LatencyDistribution wide = LatencyDistribution.parse("normal(10ms,50ms)");
        long zeros = 0;
        for (int i = 0; i < 10_000; i++) {
            Duration sample = wide.sample(random);
            assertThat(sample.isNegative()).isFalse();
            zeros += sample.isZero() ? 1 : 0;
        }
        assertThat(zeros).isGreaterThan(3_000); // about 42% of draws fall below zero and are clamped

        LatencyDistribution narrow = LatencyDistribution.parse("normal(200ms,50ms)");
        assertThat(meanMillis(narrow, 10_000)).isBetween(190.0, 210.0);
    }

    @Test
    void exponentialHasTheGivenMean() {
        LatencyDistribution exponential = LatencyDistribution.parse("exponential(150ms)");
        assertThat(meanMillis(exponential, 20_000)).isBetween(140.0, 160.0);
    }

    private double meanMillis(LatencyDistribution distribution, int samples) {
        double total = 0;
        for (int i = 0; i < samples; i++) {
            Duration sample = distribution.sample(random);
            assertThat(sample.isNegative()).isFalse();
            total += sample.toNanos() / 1e6;
        }
        return total / samples;
    }
}
