package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static Observation seen(int status, long millis, String body) {
        return new Observation(status, Duration.ofMillis(millis), body, Optional.empty());
    }

    private static ConditionResult eval(String condition, Observation seen) {
        return Condition.parse(condition).evaluate(seen);
    }

    @Test
    void parsesOnceIntoATypedTree() {
        Condition c = Condition.parse("[BODY].components.items[2].name != \"x\"");
        assertThat(c.left()).isEqualTo(new Placeholder.Body(List.of("components", "items", 2, "name")));
        assertThat(c.operator()).isEqualTo(Operator.NE);
        assertThat(c.right()).isEqualTo(new Literal.Text("x"));
        assertThat(Condition.parse("[RESPONSE_TIME] <= 1.5s").right()).isEqualTo(new Literal.Time(Duration.ofMillis(1500)));
        assertThat(Condition.parse("[BODY].n >= -2.5").right()).isEqualTo(new Literal.Number(new BigDecimal("-2.5")));
        assertThat(Condition.parse("[BODY].ok == true").right()).isEqualTo(new Literal.Bool(true));
        assertThat(Condition.parse("[BODY].gone == null").right()).isEqualTo(new Literal.Null());
    }

    @Test
    void resolvedTextShowsTheObservedValue() {
        Observation down = seen(503, 812, "{\"status\":\"DOWN\",\"items\":[{\"n\":3}]}");
        assertThat(eval("[STATUS] == 200", down)).isEqualTo(new ConditionResult("[STATUS] == 200", false, "[STATUS] (503) == 200"));
        assertThat(eval("[BODY].status == \"UP\"", down).resolved()).isEqualTo("[BODY].status (\"DOWN\") == \"UP\"");
        assertThat(eval("[RESPONSE_TIME] < 500ms", down).resolved()).isEqualTo("[RESPONSE_TIME] (812ms) < 500ms");
        assertThat(eval("[BODY].items[0].n > 2", down).ok()).isTrue();
        assertThat(eval("[BODY].items[0].n < 2", down).resolved()).isEqualTo("[BODY].items[0].n (3) < 2");
        assertThat(eval("[BODY].items[5].n == 3", down).resolved()).isEqualTo("[BODY].items[5].n (missing) == 3");
        assertThat(eval("[BODY].status != \"UP\"", down).ok()).isTrue();
    }

    @Test
    void typesNeverCoerce() {
        Observation body = seen(200, 1, "{\"n\":\"5\",\"flag\":false,\"nothing\":null}");
        assertThat(eval("[BODY].n == 5", body).ok()).isFalse();
        assertThat(eval("[BODY].n != 5", body).ok()).isTrue();
        assertThat(eval("[BODY].flag == false", body).ok()).isTrue();
        assertThat(eval("[BODY].nothing == null", body).ok()).isTrue();
        assertThat(eval("[BODY].flag == null", body).ok()).isFalse();
    }

    @Test
    void invalidJsonFailsWithTheReasonInsteadOfThrowing() {
        ConditionResult r = eval("[BODY].status == \"UP\"", seen(200, 1, "<html>oops</html>"));
        assertThat(r.ok()).isFalse();
        assertThat(r.resolved()).startsWith("[BODY].status (invalid JSON: ").endsWith(") == \"UP\"");
        assertThat(eval("[BODY].status == \"UP\"", seen(200, 1, "")).resolved()).isEqualTo("[BODY].status (invalid JSON: empty body) == \"UP\"");
    }

    @Test
    void wholeBodyComparesAsText() {
        assertThat(eval("[BODY] == \"pong\"", seen(200, 1, "pong")).ok()).isTrue();
        assertThat(eval("[BODY] == \"say \\\"hi\\\"\"", seen(200, 1, "say \"hi\"")).ok()).isTrue();
    }

    @Test
    void certificateExpirationComparesWithADuration() {
        Observation tls = new Observation(200, Duration.ZERO, "", Optional.of(Duration.ofHours(71)));
        assertThat(eval("[CERTIFICATE_EXPIRATION] > 48h", tls).resolved()).isEqualTo("[CERTIFICATE_EXPIRATION] (71h) > 48h");
        assertThat(eval("[CERTIFICATE_EXPIRATION] > 48h", seen(200, 1, "")).resolved()).isEqualTo("[CERTIFICATE_EXPIRATION] (no certificate) > 48h");
    }

    @Test
    void badConditionsSayWhatWasExpected() {
        assertThatThrownBy(() -> Condition.parse("[STATUS] == 2xx")).isInstanceOf(InvalidConditionException.class)
                .hasMessageContaining("a number, a duration like 500ms");
        assertThatThrownBy(() -> Condition.parse("[STATUS] == 200.5")).hasMessage("an integer status code to compare with [STATUS]");
        assertThatThrownBy(() -> Condition.parse("STATUS == 200")).hasMessage(Condition.EXPECTED);
        assertThatThrownBy(() -> Condition.parse("[STATUS].x == 200")).hasMessage("a path only after [BODY], not after [STATUS]");
        assertThatThrownBy(() -> Condition.parse("[BODY] == \"a\" b\"")).hasMessage("nothing after the closing quote of a string");
        assertThatThrownBy(() -> Condition.parse("[BODY] == \"open")).hasMessage("a string closed with a quote");
    }
}
