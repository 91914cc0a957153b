package dev.pcorders.sandbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on an object's monitor for a condition its holders signal with {@code notifyAll}. */
final class Monitors {

    private Monitors() {
    }

    /**
     * Waits until {@code condition} holds, false if {@code timeout} passed first. The caller holds {@code monitor},
     * and every change that can make the condition true calls {@code monitor.notifyAll()}.
     */
    static boolean await(Object monitor, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Rounded up: a wait of 0 ms would mean for ever.
            monitor.wait(left / 1_000_000 + 1);
        }
        return true;
    }
}
