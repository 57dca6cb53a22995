package dev.hypercare.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * When one probe runs, as a pure function of the clock's reading: slot {@code k} is planned at
 * {@code origin + k × interval} and moved by up to ± {@code jitter × interval}. Every slot is planned from
 * the origin, never from the previous run, so delays and jitter do not accumulate into drift. Slot 0 is the
 * origin itself: {@link #spread} already places it at a random point of the first interval.
 *
 * @param jitter a fraction of the interval below one half, so that jittered slots never change order
 */
record Schedule(Instant origin, Duration interval, double jitter) {

    Schedule {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("interval: expected above 0, found " + interval);
        }
        if (!(jitter >= 0 && jitter < 0.5)) {
            throw new IllegalArgumentException("jitter: expected a fraction from 0 to below 0.5, found " + jitter);
        }
    }

    /**
     * One schedule per interval, in the same order. Probes sharing an interval are stratified: the i-th of n
     * starts at a random point of the i-th n-th of the first interval, so 100 probes of 30s fire about 0.3s
     * apart instead of together (or in the clumps of independent random offsets).
     */
    static List<Schedule> spread(Instant start, List<Duration> intervals, double jitter, RandomGenerator random) {
        Map<Duration, Integer> sharing = new HashMap<>();
        intervals.forEach(interval -> sharing.merge(interval, 1, Integer::sum));
        Map<Duration, Integer> placed = new HashMap<>();
        List<Schedule> schedules = new ArrayList<>(intervals.size());
        for (Duration interval : intervals) {
            int i = placed.merge(interval, 1, Integer::sum) - 1;
            double fraction = (i + random.nextDouble()) / sharing.get(interval);
            long offsetNanos = Math.min((long) (fraction * interval.toNanos()), interval.toNanos() - 1);
            schedules.add(new Schedule(start.plusNanos(offsetNanos), interval, jitter));
        }
        return schedules;
    }

    /** Slot {@code slot} before jitter. */
    Instant nominal(long slot) {
        return origin.plusNanos(times(slot));
    }

    /** {@code slot} intervals in nanoseconds: Duration's own arithmetic goes through BigDecimal, once per probe run. */
    private long times(long slot) {
        return Math.multiplyExact(interval.toNanos(), slot);
    }

    /** When slot {@code slot} is due; {@code draw} in [-1, 1] picks the jitter, so the same draw gives the same time. */
    Instant due(long slot, double draw) {
        if (slot == 0) {
            return origin;
        }
        return nominal(slot).plusNanos(Math.round(Math.clamp(draw, -1.0, 1.0) * jitter * interval.toNanos()));
    }

    /**
     * What to do when slot {@code slot} comes up at {@code now}: run it unless the probe is {@code busy}, and
     * plan the next slot. Slots whose time has already passed (the JVM paused, the clock stepped ahead) are
     * missed rather than run in a burst; they count as skipped, like a busy slot. If the clock stepped back,
     * the next slot would lie more than two intervals ahead: the schedule moves back with the clock instead of
     * letting the probe fall silent until the clock catches up.
     */
    Step step(long slot, Instant now, boolean busy, double draw) {
        long next = slot + 1;
        Schedule schedule = this;
        if (!nominal(next).isAfter(now)) {
            next = Duration.between(origin, now).toNanos() / interval.toNanos() + 1;
        } else if (Duration.between(now, nominal(next)).toNanos() > times(2)) {
            schedule = new Schedule(now.plus(interval).minusNanos(times(next)), interval, jitter);
        }
        long skipped = (busy ? 1 : 0) + (next - slot - 1);
        return new Step(!busy, skipped, schedule, next, schedule.due(next, draw));
    }

    /**
     * The decision for a slot that came up.
     *
     * @param run      whether the slot runs
     * @param skipped  slots that do not run: this one if busy, plus any missed since
     * @param schedule the schedule from now on (a new origin only after the clock stepped back)
     * @param nextSlot the slot to wait for next
     * @param nextDue  when it is due, jitter included
     */
    record Step(boolean run, long skipped, Schedule schedule, long nextSlot, Instant nextDue) {}
}
