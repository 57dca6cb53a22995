package dev.hypercare.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypercare.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schedule as a pure function of fixed instants: no threads, no sleeping. */
class ProbeSchedulerPlanTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TEN_S = Duration.ofSeconds(10);

    @Test
    void slotsArePlannedFromTheOriginSoLateRunsDoNotAccumulateDrift() {
        Schedule schedule = new Schedule(T0, TEN_S, 0.2);
        Random random = new Random(7);
        long slot = 0;
        Instant due = schedule.due(0, 0);
        for (int i = 0; i < 1000; i++) {
            Instant firedAt = due.plusSeconds(2); // the timer is two seconds late, every time
            Schedule.Step step = schedule.step(slot, firedAt, false, random.nextDouble(-1, 1));
            assertThat(step.run()).isTrue();
            assertThat(step.skipped()).isZero();
            assertThat(step.nextSlot()).isEqualTo(slot + 1);
            schedule = step.schedule();
            slot = step.nextSlot();
            due = step.nextDue();
        }
        // 1000 runs each 2 s late would have drifted 2000 s if planned from the previous run
        assertThat(schedule.origin()).isEqualTo(T0);
        assertThat(Duration.between(T0.plus(TEN_S.multipliedBy(1000)), due).abs()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterStaysWithinTheFractionOfTheIntervalAndUsesAllOfIt() {
        Schedule schedule = new Schedule(T0, TEN_S, 0.1);
        Random random = new Random(42);
        Duration bound = Duration.ofSeconds(1);
        Duration lowest = Duration.ZERO;
        Duration highest = Duration.ZERO;
        for (long slot = 1; slot <= 10_000; slot++) {
            Duration shift = Duration.between(schedule.nominal(slot), schedule.due(slot, random.nextDouble(-1, 1)));
            assertThat(shift.abs()).isLessThanOrEqualTo(bound);
            lowest = Collections.min(List.of(lowest, shift));
            highest = Collections.max(List.of(highest, shift));
        }
        assertThat(lowest).isLessThan(Duration.ofMillis(-950));
        assertThat(highest).isGreaterThan(Duration.ofMillis(950));
        assertThat(schedule.due(5, -1)).isEqualTo(schedule.nominal(5).minus(bound));
        assertThat(schedule.due(5, 1)).isEqualTo(schedule.nominal(5).plus(bound));
        assertThat(schedule.due(0, 1)).as("the first run is already spread").isEqualTo(T0);
    }

    @Test
    void firstRunsOfProbesSharingAnIntervalAreSpreadOverIt() {
        Duration interval = Duration.ofSeconds(30);
        List<Schedule> schedules = Schedule.spread(T0, Collections.nCopies(100, interval), 0.1, new Random(1));
        Duration stratum = interval.dividedBy(100);
        Set<Long> strata = new HashSet<>();
        List<Instant> origins = new ArrayList<>();
        for (Schedule s : schedules) {
            Duration offset = Duration.between(T0, s.origin());
            assertThat(offset).isBetween(Duration.ZERO, interval.minusNanos(1));
            strata.add(offset.dividedBy(stratum));
            origins.add(s.origin());
        }
        assertThat(strata).as("one probe in each hundredth of the interval").hasSize(100);
        Collections.sort(origins);
        for (int i = 1; i < origins.size(); i++) {
            assertThat(Duration.between(origins.get(i - 1), origins.get(i))).isLessThan(stratum.multipliedBy(2));
        }
        assertThat(Schedule.spread(T0, Collections.nCopies(100, interval), 0.1, new Random(1)))
                .as("the same seed plans the same").isEqualTo(schedules);
        assertThat(Schedule.spread(T0, Collections.nCopies(100, interval), 0.1, new Random(2))).isNotEqualTo(schedules);
    }

    @Test
    void probesWithDifferentIntervalsAreSpreadEachOverItsOwnInterval() {
        List<Duration> intervals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            intervals.add(i % 2 == 0 ? TEN_S : Duration.ofMinutes(1));
        }
        List<Schedule> schedules = Schedule.spread(T0, intervals, 0.1, new Random(3));
        Set<Long> strataOfTen = new HashSet<>();
        Set<Long> strataOfMinute = new HashSet<>();
        for (int i = 0; i < schedules.size(); i++) {
            Duration offset = Duration.between(T0, schedules.get(i).origin());
            assertThat(schedules.get(i).interval()).isEqualTo(intervals.get(i));
            assertThat(offset).isBetween(Duration.ZERO, intervals.get(i).minusNanos(1));
            (intervals.get(i).equals(TEN_S) ? strataOfTen : strataOfMinute).add(offset.dividedBy(intervals.get(i).dividedBy(10)));
        }
        assertThat(strataOfTen).hasSize(10);
        assertThat(strataOfMinute).hasSize(10);
    }

    @Test
    void aSlotThatComesUpWhileTheProbeIsBusyIsSkippedNotQueued() {
        Schedule schedule = new Schedule(T0, TEN_S, 0);
        Schedule.Step step = schedule.step(3, schedule.nominal(3), true, 0);
        assertThat(step.run()).isFalse();
        assertThat(step.skipped()).isEqualTo(1);
        assertThat(step.nextSlot()).isEqualTo(4);
        assertThat(step.nextDue()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void slotsMissedWhileTheSchedulerWasLateAreSkippedNotRunInABurst() {
        Schedule schedule = new Schedule(T0, TEN_S, 0.1);
        Instant now = schedule.nominal(5).plusSeconds(35); // slots 6, 7 and 8 went by
        Schedule.Step step = schedule.step(5, now, false, 0.5);
        assertThat(step.run()).isTrue();
        assertThat(step.skipped()).isEqualTo(3);
        assertThat(step.nextSlot()).isEqualTo(9);
        assertThat(step.nextDue()).isEqualTo(schedule.nominal(9).plusMillis(500));

        Schedule.Step busyToo = schedule.step(5, now, true, 0);
        assertThat(busyToo.run()).isFalse();
        assertThat(busyToo.skipped()).isEqualTo(4);
    }

    @Test
    void aClockSteppedBackMovesTheScheduleInsteadOfSilencingTheProbe() {
        Schedule schedule = new Schedule(T0, TEN_S, 0.1);
        Instant now = schedule.nominal(100).minus(Duration.ofHours(1));
        Schedule.Step step = schedule.step(100, now, false, 0);
        assertThat(step.nextSlot()).isEqualTo(101);
        assertThat(step.nextDue()).isEqualTo(now.plus(TEN_S));
        Schedule.Step after = step.schedule().step(101, step.nextDue(), false, 0);
        assertThat(after.nextDue()).isEqualTo(now.plus(TEN_S.multipliedBy(2)));
        assertThat(after.skipped()).isZero();
    }

    @Test
    void aJitterOfHalfTheIntervalOrMoreIsRefusedSinceSlotsCouldSwapOrder() {
        assertThatThrownBy(() -> SchedulerOptions.defaults().withJitter(0.5))
                .isInstanceOf(BadInputException.class)
                .hasMessage("scheduler jitter: expected a fraction from 0 to below 0.5, found 0.5");
        assertThatThrownBy(() -> SchedulerOptions.defaults().withJitter(-0.1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> SchedulerOptions.defaults().withMaxConcurrent(0))
                .hasMessage("scheduler max concurrent: expected 1 to 100000, found 0");
        assertThatThrownBy(() -> SchedulerOptions.defaults().withGrace(Duration.ofMillis(-1)))
                .hasMessage("scheduler grace: expected 0 to 1h, found -1ms");
        assertThatThrownBy(() -> new Schedule(T0, TEN_S, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
