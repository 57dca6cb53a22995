package dev.hypercare.target;

import dev.hypercare.DurationText;

import dev.hypercare.BadInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the target waits before answering a public HTTP request. Written and read as text:
 * {@code none}, {@code 700ms}, {@code uniform(100ms,300ms)}, {@code normal(200ms,50ms)}, {@code exponential(150ms)}.
 */
public sealed interface LatencyDistribution {

    /** One delay drawn from the distribution; never negative. */
    Duration sample(RandomGenerator random);

    /** The canonical text form; {@link #parse} reads it back to an equal value. */
    String text();

    static LatencyDistribution none() {
        return None.INSTANCE;
    }

    static LatencyDistribution parse(String text) {
        return parse("latency", text);
    }

    /** Parses {@code text}; a bad value names {@code field} in a one-line {@link BadInputException}. */
    static LatencyDistribution parse(String field, String text) {
        return LatencyParser.parse(field, text);
    }

    /** No added delay. */
    record None() implements LatencyDistribution {
        static final None INSTANCE = new None();

        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ZERO;
        }

        @Override
        public String text() {
            return "none";
        }
    }

    /** The same delay every time. */
    record Fixed(Duration delay) implements LatencyDistribution {
        public Fixed {
            requireNonNegative("delay", delay);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return delay;
        }

        @Override
        public String text() {
            return DurationText.format(delay);
        }
    }

    /** Any delay from min to max, each equally likely. */
    record Uniform(Duration min, Duration max) implements LatencyDistribution {
        public Uniform {
            requireNonNegative("min", min);
            requireNonNegative("max", max);
            if (min.compareTo(max) > 0) {
                throw new BadInputException("latency: expected uniform(min,max) with min <= max, found 'uniform("
                        + DurationText.format(min) + "," + DurationText.format(max) + ")'");
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long spread = max.toNanos() - min.toNanos();
            return spread == 0 ? min : min.plusNanos(random.nextLong(spread + 1));
        }

        @Override
        public String text() {
            return "uniform(" + DurationText.format(min) + "," + DurationText.format(max) + ")";
        }
    }

    /** A bell curve around the mean; negative draws become zero, as a real delay cannot be negative. */
    record Normal(Duration mean, Duration standardDeviation) implements LatencyDistribution {
        public Normal {
            requireNonNegative("mean", mean);
            requireNonNegative("standardDeviation", standardDeviation);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            double nanos = mean.toNanos() + standardDeviation.toNanos() * random.nextGaussian();
            return Duration.ofNanos(Math.max(0L, Math.round(nanos)));
        }

        @Override
        public String text() {
            return "normal(" + DurationText.format(mean) + "," + DurationText.format(standardDeviation) + ")";
        }
    }

    /** Mostly short delays with a long tail, like queueing; {@code mean} is the average delay. */
    record Exponential(Duration mean) implements LatencyDistribution {
        public Exponential {
            requireNonNegative("mean", mean);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ofNanos(Math.round(mean.toNanos() * random.nextExponential()));
        }

        @Override
        public String text() {
            return "exponential(" + DurationText.format(mean) + ")";
        }
    }

    private static void requireNonNegative(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new BadInputException("latency: expected a " + name + " of 0ms or more, found '" + duration + "'");
        }
    }
}
