package dev.hypercare.slo;

import static dev.hypercare.slo.Comparison.ABOVE;
import static dev.hypercare.slo.Comparison.AT_LEAST;
import static dev.hypercare.slo.Comparison.AT_MOST;
import static dev.hypercare.slo.Comparison.BELOW;
import static dev.hypercare.slo.Condition.Basis.ABSOLUTE;
import static dev.hypercare.slo.Condition.Basis.BASELINE_CHANGE;
import static dev.hypercare.slo.Condition.Basis.BASELINE_RATIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionGrammarTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("< 0.5%", Metric.ERROR_RATE, Level.TARGET, BELOW, 0.005, ABSOLUTE, null),
                Arguments.of("<= 1%", Metric.ERROR_RATE, Level.WARN, AT_MOST, 0.01, ABSOLUTE, null),
                Arguments.of(">10%", Metric.ERROR_RATE, Level.CRITICAL, ABOVE, 0.10, ABSOLUTE, null),
                Arguments.of(">= 99.9%", Metric.AVAILABILITY, Level.TARGET, AT_LEAST, 0.999, ABSOLUTE, null),
                Arguments.of("< 99.5 %", Metric.AVAILABILITY, Level.CRITICAL, BELOW, 0.995, ABSOLUTE, null),
                Arguments.of("> 10% for 5m", Metric.ERROR_RATE, Level.ROLLBACK, ABOVE, 0.10, ABSOLUTE, Duration.ofMinutes(5)),
                Arguments.of("> 200ms", Metric.P95, Level.WARN, ABOVE, 200.0, ABSOLUTE, null),
                Arguments.of("> 1.5 s", Metric.P99, Level.CRITICAL, ABOVE, 1500.0, ABSOLUTE, null),
                Arguments.of("> 5s for 5m", Metric.P95, Level.ROLLBACK, ABOVE, 5000.0, ABSOLUTE, Duration.ofMinutes(5)),
                Arguments.of("< 50/s", Metric.THROUGHPUT, Level.WARN, BELOW, 50.0, ABSOLUTE, null),
                Arguments.of("> 2500", Metric.WS_CONNECTIONS, Level.WARN, ABOVE, 2500.0, ABSOLUTE, null),
                Arguments.of("-10% vs baseline", Metric.THROUGHPUT, Level.WARN, AT_MOST, 0.9, BASELINE_CHANGE, null),
                Arguments.of("+20% vs baseline", Metric.P95, Level.WARN, AT_LEAST, 1.2, BASELINE_CHANGE, null),
                Arguments.of("> 3x baseline", Metric.P95, Level.ROLLBACK, ABOVE, 3.0, BASELINE_RATIO, null),
                Arguments.of("> 3x baseline for 10m", Metric.P95, Level.ESCALATE, ABOVE, 3.0, BASELINE_RATIO, Duration.ofMinutes(10)));
    }

    @ParameterizedTest(name = "{1} {2} ''{0}''")
    @MethodSource("valid")
    void levelsParseOnceIntoAPlainRecordInBaseUnits(String text, Metric metric, Level level, Comparison op, double value,
            Condition.Basis basis, Duration sustained) {
        Condition c = ConditionGrammar.parse(text, metric, level);
        assertThat(c.comparison()).isEqualTo(op);
        assertThat(c.value()).isCloseTo(value, within(1e-12));
        assertThat(c.basis()).isEqualTo(basis);
        assertThat(c.sustained()).isEqualTo(Optional.ofNullable(sustained));
        assertThat(c.written()).isEqualTo(text);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("> 200ms", Metric.ERROR_RATE, Level.WARN, "a percentage like '> 1%' for error_rate"),
                Arguments.of("> 0.01", Metric.ERROR_RATE, Level.WARN, "a percentage like '> 1%' for error_rate"),
                Arguments.of("> 100.1%", Metric.AVAILABILITY, Level.WARN, "a percentage between 0% and 100%"),
                Arguments.of("> -5ms", Metric.P95, Level.WARN, "a value >= 0"),
                Arguments.of("=> 1%", Metric.ERROR_RATE, Level.WARN, "a level '<op> <number>%' with <op> one of <, <=, >, >="),
                Arguments.of("== 1%", Metric.ERROR_RATE, Level.WARN, "a level '<op> <number>%' with <op> one of <, <=, >, >="),
                Arguments.of("1%", Metric.ERROR_RATE, Level.WARN, "a level '<op> <number>%' with <op> one of <, <=, >, >="),
                Arguments.of("> fast", Metric.P95, Level.WARN, "a level '<op> <number>ms|s' with <op> one of <, <=, >, >="),
                Arguments.of("> 1% for 5m", Metric.ERROR_RATE, Level.WARN, "no 'for' on warn (only rollback and escalate hold over time)"),
                Arguments.of("< 0.5% for 5m", Metric.ERROR_RATE, Level.TARGET, "no 'for' on target (only rollback and escalate hold over time)"),
                Arguments.of("> 10% for ever", Metric.ERROR_RATE, Level.ROLLBACK, "a duration like 500ms, 30s, 5m or 1h after 'for'"),
                Arguments.of("> 10% for 0s", Metric.ERROR_RATE, Level.ROLLBACK, "a duration above 0 after 'for'"),
                Arguments.of("> 500", Metric.P95, Level.WARN, "a latency in ms or s like '> 500ms' for p95"),
                Arguments.of("< 50", Metric.THROUGHPUT, Level.WARN, "a rate per second like '< 50/s' for throughput"),
                Arguments.of("> 2500/s", Metric.WS_CONNECTIONS, Level.WARN, "a plain count like '> 2500' for ws_connections"),
                Arguments.of("-10% vs baseline", Metric.ERROR_RATE, Level.WARN,
                        "an absolute level for error_rate (only throughput and latencies compare with a baseline)"),
                Arguments.of("-150% vs baseline", Metric.THROUGHPUT, Level.WARN, "a change of at least -100% vs baseline"),
                Arguments.of("> 3 baseline", Metric.P95, Level.ROLLBACK, "a baseline level like '-10% vs baseline' or '> 3x baseline'"));
    }

    @ParameterizedTest(name = "{1} {2} ''{0}''")
    @MethodSource("invalid")
    void badLevelsSayWhatWasExpected(String text, Metric metric, Level level, String expected) {
        assertThatThrownBy(() -> ConditionGrammar.parse(text, metric, level))
                .isInstanceOf(InvalidConditionException.class)
                .hasMessage(expected);
    }
}
