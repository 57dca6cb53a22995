package dev.hypercare.target;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline: for state the server reaches asynchronously (connection counts). */
final class Await {

    private Await() {}

    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
