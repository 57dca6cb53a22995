package dev.hypercare.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentRulesTest {
    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration DAY = Duration.ofHours(24);
    private static final List<Duration> MATRIX = IncidentRules.DEFAULTS.p0Escalation();

    @Test
    void defaultsFollowThePlaybook() {
        IncidentRules r = IncidentRules.DEFAULTS;
        assertThat(r.failuresToOpen()).isEqualTo(3);
        assertThat(r.successesToResolve()).isEqualTo(2);
        assertThat(r.outageToP0()).isEqualTo(FIVE);
        assertThat(r.outageToRollback()).isEqualTo(Duration.ofMinutes(15));
        assertThat(r.repeatedP0()).isEqualTo(3);
        assertThat(r.repeatedP0Window()).isEqualTo(DAY);
        assertThat(r.p0Escalation()).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
    }

    @Test
    void theMatrixLevelRisesExactlyAtEachStep() {
        IncidentRules r = IncidentRules.DEFAULTS;
        assertThat(r.p0LevelAfter(Duration.ofMinutes(15).minusMillis(1))).isZero();
        assertThat(r.p0LevelAfter(Duration.ofMinutes(15))).isEqualTo(1);
        assertThat(r.p0LevelAfter(Duration.ofMinutes(30))).isEqualTo(2);
        assertThat(r.p0LevelAfter(Duration.ofMinutes(59))).isEqualTo(2);
        assertThat(r.p0LevelAfter(Duration.ofHours(1))).isEqualTo(3);
        assertThat(r.p0LevelAfter(Duration.ofDays(3))).isEqualTo(3);
    }

    @Test
    void badCountsNameTheirField() {
        assertThatThrownBy(() -> new IncidentRules(0, 2, FIVE, FIVE, 3, DAY, MATRIX))
                .isInstanceOf(BadInputException.class)
                .hasMessage("incident rules: failuresToOpen: expected a whole number from 1 to 1000, found 0");
        assertThatThrownBy(() -> IncidentRules.DEFAULTS.withFlapSuppression(3, -1))
                .hasMessage("incident rules: successesToResolve: expected a whole number from 1 to 1000, found -1");
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, FIVE, 1, DAY, MATRIX))
                .hasMessage("incident rules: repeatedP0: expected a whole number from 2 to 1000, found 1");
    }

    @Test
    void badDurationsNameTheirField() {
        assertThatThrownBy(() -> new IncidentRules(3, 2, Duration.ZERO, FIVE, 3, DAY, MATRIX))
                .isInstanceOf(BadInputException.class)
                .hasMessage("incident rules: outageToP0: expected a duration like 500ms, 30s, 5m or 1h (more than 0, at most 366 days), found 0s");
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, null, 3, DAY, MATRIX))
                .hasMessage("incident rules: outageToRollback: expected a duration like 500ms, 30s, 5m or 1h (more than 0, at most 366 days), found nothing");
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, FIVE, 3, Duration.ofMinutes(-1), MATRIX))
                .hasMessageStartingWith("incident rules: repeatedP0Window: expected a duration");
    }

    @Test
    void theMatrixMustRiseAndFitTheLevels() {
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, FIVE, 3, DAY, List.of(Duration.ofMinutes(30), Duration.ofMinutes(15))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("incident rules: p0Escalation[1]: expected more than 30m (the matrix only goes up), found 15m");
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, FIVE, 3, DAY,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(4))))
                .hasMessage("incident rules: p0Escalation: expected at most 3 durations (one per level above on-call), found 4");
        assertThatThrownBy(() -> new IncidentRules(3, 2, FIVE, FIVE, 3, DAY, List.of(Duration.ZERO)))
                .hasMessageStartingWith("incident rules: p0Escalation[0]: expected a duration");
        assertThat(new IncidentRules(3, 2, FIVE, FIVE, 3, DAY, List.of()).p0LevelAfter(Duration.ofDays(1))).isZero();
    }
}
