package dev.pcorders.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where the sandbox's "now" and its waits come from. One source for both, so a test that moves time moves the rate
 * limit's window and releases the latency's waits together, and never has to sleep.
 */
interface SandboxTime {

    Instant now();

    /** Completes once {@code wait} has passed, holding no thread meanwhile. */
    Mono<?> after(Duration wait);

    static SandboxTime system() {
        Clock clock = Clock.systemUTC();
        return new SandboxTime() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Mono<?> after(Duration wait) {
                return Mono.delay(wait);
            }
        };
    }
}
