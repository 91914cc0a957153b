package dev.pcorders.application.shared.sync;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/** How the sync's waits on other threads end: an interrupt becomes a cancellation, a task's failure its own throw. */
final class Waits {

    private Waits() {
    }

    /** The cancellation an interrupted wait throws; the thread's interrupt flag is set again, for the caller's caller. */
    static CancellationException cancelled(String message, InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException(message);
        cancelled.initCause(interrupted);
        return cancelled;
    }

    /** Throws what the task threw, as the same object when it is unchecked. */
    static RuntimeException rethrow(ExecutionException failed, String what) {
        if (failed.getCause() instanceof RuntimeException failure) {
            throw failure;
        }
        if (failed.getCause() instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(what + " failed", failed.getCause());
    }
}
