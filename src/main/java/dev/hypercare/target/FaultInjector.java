package dev.hypercare.target;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The faults in force and the dice that apply them. Reads are lock-free: a request takes one snapshot of
 * {@link Faults} and decides everything from it.
 */
final class FaultInjector {

    private final AtomicReference<Faults> faults;
    private final Supplier<RandomGenerator> random;

    /** Dice from {@link ThreadLocalRandom}: no contention between request threads. */
    FaultInjector(Faults initial) {
        this(initial, ThreadLocalRandom::current);
    }

    /** Dice from {@code random}, e.g. a seeded generator in a test. */
    FaultInjector(Faults initial, Supplier<RandomGenerator> random) {
        this.faults = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.random = Objects.requireNonNull(random, "random");
    }

    Faults current() {
        return faults.get();
    }

    void set(Faults next) {
        faults.set(Objects.requireNonNull(next, "next"));
    }

    /** The delay to add before answering, drawn from {@code faults}. */
    Duration delay(Faults faults) {
        return faults.latency().sample(random.get());
    }

    /** Whether this request gets the injected 503. */
    boolean injectError(Faults faults) {
        return happens(faults.errorRate());
    }

    /** Whether this login gets the injected 401. */
    boolean injectAuthFailure(Faults faults) {
        return happens(faults.authFailureRate());
    }

    private boolean happens(double rate) {
        // 0 and 1 are exact: no roll, so tests and "always fail" settings are deterministic
        if (rate <= 0.0) {
            return false;
        }
        return rate >= 1.0 || random.get().nextDouble() < rate;
    }
}
