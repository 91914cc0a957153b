package dev.pcorders.adapter.http.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.http.testing.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tenant's pacer on a clock the test moves: requests a rate's interval apart with no burst after idle time, a 429
 * pausing every later request for its Retry-After and halving the rate once, successes raising it back one request a
 * minute at a time.
 */
@Timeout(30)
class RequestPacerTest {

    @Test
    void aThrottledAnswerPausesTheNextRequestForItsRetryAfterAndHalvesTheRate() throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(6_000, clock);

        pacer.awaitTurn(clock);
        assertThat(clock.sleeps()).as("nothing paused before a 429").isEmpty();

        pacer.throttled(Optional.of(Duration.ofSeconds(7)));
        pacer.awaitTurn(clock);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(pacer.currentRatePerMinute()).isEqualTo(3_000);
        assertThat(pacer.throttledRequests()).isEqualTo(1);
        assertThat(pacer.requestsSent()).as("both requests were let through").isEqualTo(2);
    }

    @Test
    void requestsGoOutOneIntervalApartAndIdleTimeBuysAtMostASecondsWorthAtOnce() throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(60, clock);

        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));

        // Ten idle seconds at one request a second: the slot of the last second is caught up, no more.
        clock.sleep(Duration.ofSeconds(10));
        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        assertThat(pacer.requestsSent()).isEqualTo(6);
    }

    @Test
    void afterAPauseNoMissedSlotIsCaughtUp() throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(120, clock);
        pacer.awaitTurn(clock);

        pacer.throttled(Optional.of(Duration.ofSeconds(3)));
        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);
        pacer.awaitTurn(clock);

        // Halved to one a second: the pause, then each request a full interval after the one before.
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aRequestWhoseSlotComesDuringAPauseWaitsForItsEndAndTakesANewSlot() throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(60, clock);
        pacer.awaitTurn(clock);
        // While this request waits for its slot a second away, another worker's request is answered 429.
        Sleeper throttledMeanwhile = new Sleeper() {
            private boolean first = true;

            @Override
            public void sleep(Duration duration) {
                clock.sleep(duration);
                if (first) {
                    first = false;
                    pacer.throttled(Optional.of(Duration.ofSeconds(5)));
                }
            }
        };

        pacer.awaitTurn(throttledMeanwhile);

        assertThat(clock.sleeps()).as("its slot, then the rest of the pause").containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-04T00:00:06Z"));
        assertThat(pacer.requestsSent()).isEqualTo(2);
    }

    @Test
    void aLongerPauseWinsAndAShorterOneNeverShortensIt() throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(6_000, clock);

        pacer.throttled(Optional.of(Duration.ofSeconds(30)));
        pacer.throttled(Optional.of(Duration.ofSeconds(2)));
        pacer.throttled(Optional.empty());
        pacer.awaitTurn(clock);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
        assertThat(pacer.throttledRequests()).isEqualTo(3);
    }

    @Test
    void the429sOfRequestsInFlightDuringAPauseHalveTheRateOnceAndANewThrottlingAfterItHalvesItAgain()
            throws InterruptedException {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(2_400, clock);

        // Sixteen workers overloaded the tenant at once: one throttling.
        for (int i = 0; i < 16; i++) {
            pacer.throttled(Optional.of(Duration.ofSeconds(5)));
        }
        assertThat(pacer.currentRatePerMinute()).isEqualTo(1_200);
        assertThat(pacer.throttledRequests()).isEqualTo(16);

        pacer.awaitTurn(clock);
        pacer.throttled(Optional.of(Duration.ofSeconds(5)));

        assertThat(pacer.currentRatePerMinute()).as("a 429 after the pause ended is a throttling of its own")
                .isEqualTo(600);
    }

    @Test
    void successesCreepBackToTheLimitOneRequestAMinuteAtATimeAndNeverPastIt() {
        RequestPacer pacer = RequestPacer.perMinute(10, new VirtualTime(Instant.EPOCH));
        pacer.throttled(Optional.of(Duration.ofSeconds(1)));
        assertThat(pacer.currentRatePerMinute()).isEqualTo(5);

        pacer.succeeded();
        pacer.succeeded();
        assertThat(pacer.currentRatePerMinute()).isEqualTo(7);
        for (int i = 0; i < 10; i++) {
            pacer.succeeded();
        }
        assertThat(pacer.currentRatePerMinute()).isEqualTo(10);
    }

    @Test
    void theRateNeverHalvesBelowHalfTheSuccessesOfTheLastMinute() {
        VirtualTime clock = new VirtualTime(Instant.parse("2026-12-04T00:00:00Z"));
        RequestPacer pacer = RequestPacer.perMinute(2_400, clock);
        // 30 successes a second for a minute and a half.
        for (int second = 0; second < 90; second++) {
            for (int i = 0; i < 30; i++) {
                pacer.succeeded();
            }
            clock.sleep(Duration.ofSeconds(1));
        }

        pacer.throttled(Optional.of(Duration.ofSeconds(1)));
        assertThat(pacer.currentRatePerMinute()).as("halved").isEqualTo(1_200);
        clock.sleep(Duration.ofSeconds(2));
        pacer.throttled(Optional.of(Duration.ofSeconds(1)));
        // At 92 s the last minute holds the successes of seconds 32 to 89: 58 x 30.
        assertThat(pacer.currentRatePerMinute()).as("half of the last minute's 1,740 successes").isEqualTo(870);

        // A minute without a success: nothing holds the rate up any more.
        clock.sleep(Duration.ofSeconds(61));
        pacer.throttled(Optional.of(Duration.ofSeconds(1)));
        assertThat(pacer.currentRatePerMinute()).isEqualTo(435);
    }

    @Test
    void theRateNeverFallsBelowOneRequestAMinute() {
        VirtualTime clock = new VirtualTime(Instant.EPOCH);
        RequestPacer pacer = RequestPacer.perMinute(3, clock);
        for (int i = 0; i < 5; i++) {
            pacer.throttled(Optional.of(Duration.ofSeconds(1)));
            // Each 429 after the previous pause: five throttlings, each halving.
            clock.sleep(Duration.ofSeconds(1));
        }
        assertThat(pacer.currentRatePerMinute()).isEqualTo(1);
    }

    @Test
    void unlimitedNeverWaitsAndKeepsNoCount() throws InterruptedException {
        List<Duration> pauses = new ArrayList<>();
        RequestPacer.UNLIMITED.throttled(Optional.of(Duration.ofMinutes(1)));
        RequestPacer.UNLIMITED.awaitTurn(pauses::add);
        assertThat(pauses).isEmpty();
        assertThat(RequestPacer.UNLIMITED.currentRatePerMinute()).isZero();
        assertThat(RequestPacer.UNLIMITED.throttledRequests()).isZero();
        assertThat(RequestPacer.UNLIMITED.requestsSent()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefusedSayingWhatWasGiven() {
        assertThatThrownBy(() -> RequestPacer.perMinute(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
