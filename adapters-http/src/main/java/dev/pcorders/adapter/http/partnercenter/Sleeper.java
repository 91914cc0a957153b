package dev.pcorders.adapter.http.partnercenter;

import java.time.Duration;

/** Waits between retries. Injectable so that tests run retries on a virtual clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
