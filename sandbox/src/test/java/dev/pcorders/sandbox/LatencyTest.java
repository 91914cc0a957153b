package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every Partner Center API request waits {@link SandboxSettings#latency()} before its answer; the token endpoint never. */
class LatencyTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LATENCY = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Deterministic by hand-moved time: the sandbox's waits end only when the test advances its clock. The test sends
     * N requests of all three resources at once, far more than the server has event-loop threads, and waits (on the
     * server's own log) until all N have arrived and all N waits have begun, with none answered: a wait that held a
     * thread would have stopped the later requests from arriving. One step of the clock short of the latency answers
     * none; the last millisecond answers all N, each logged as arrived at the start and answered a latency later, so N
     * concurrent requests cost one latency, not N.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentRequestsAllWaitTheLatencyAtOnceWithoutHoldingAServerThread() throws Exception {
        int n = 48;
        ManualTime time = new ManualTime(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withLatency(LATENCY), time)) {
            String customer = sandbox.customerIds().get(0);
            List<URI> uris = List.of(sandbox.ordersUrl(customer), sandbox.subscriptionsUrl(customer),
                    sandbox.customersUrl());
            List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                responses.add(Http.client().sendAsync(authorized(uris.get(i % uris.size())),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }

            assertThat(sandbox.awaitArrived(n, PATIENCE)).isTrue();
            assertThat(time.awaitWaiting(n, PATIENCE)).isTrue();
            assertThat(sandbox.requestLog()).isEmpty();
            time.advance(LATENCY.minusMillis(1));
            assertThat(sandbox.requestLog()).isEmpty();
            assertThat(responses).noneMatch(CompletableFuture::isDone);

            time.advance(Duration.ofMillis(1));
            assertThat(sandbox.awaitAnswered(n, PATIENCE)).isTrue();
            for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
            assertThat(sandbox.requestLog()).hasSize(n).allSatisfy(request -> {
                assertThat(request.arrived()).isEqualTo(START);
                assertThat(request.answered()).isEqualTo(START.plus(LATENCY));
                assertThat(request.status()).isEqualTo(200);
            });
        }
    }

    /** Were the token endpoint delayed, its answer would wait for a clock that never moves, and the test time out. */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theTokenEndpointIsNeitherDelayedNorLogged() {
        ManualTime time = new ManualTime(START);
        try (SandboxServer sandbox = SandboxServer.start(
                SandboxSettings.defaults().withLatency(Duration.ofHours(1)), time)) {
            HttpResponse<byte[]> token = Http.postForm(sandbox.tokenEndpoint("partner-tenant"),
                    "grant_type=client_credentials&client_id=app&client_secret=s");

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(sandbox.requestLog()).isEmpty();
        }
    }

    /**
     * With the system's clock and Reactor's timer: the one check that the real wait is there is a lower bound, which
     * no slow machine can break (a bound above would be a timed assertion).
     */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theSystemTimerHoldsEachAnswerAtLeastTheLatency() {
        Duration latency = Duration.ofMillis(150);
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withLatency(latency))) {
            for (int i = 0; i < 3; i++) {
                assertThat(Http.getOrders(sandbox, sandbox.customerIds().get(i), "").statusCode()).isEqualTo(200);
            }
            assertThat(sandbox.requestLog()).hasSize(3).allSatisfy(request ->
                    assertThat(Duration.between(request.arrived(), request.answered())).isGreaterThanOrEqualTo(latency));
        }
    }

    @Test
    void jitterIsUniformAroundTheLatencyAndRepeatsWithTheSeed() {
        SandboxSettings settings = SandboxSettings.defaults().withLatency(Duration.ofMillis(100))
                .withLatencyJitter(Duration.ofMillis(40));
        List<Duration> first = latencies(settings);
        List<Duration> again = latencies(settings);
        List<Duration> otherSeed = latencies(settings.withSeed(43));

        assertThat(first).isEqualTo(again).isNotEqualTo(otherSeed);
        assertThat(first).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(60), Duration.ofMillis(140)));
        assertThat(first).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(80)));
        assertThat(first).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(120)));
    }

    @Test
    void settingsRefuseWhatCannotBeMeant() {
        SandboxSettings settings = SandboxSettings.defaults();
        assertThatThrownBy(() -> settings.withLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> settings.withLatency(Duration.ofMillis(10)).withLatencyJitter(Duration.ofMillis(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.011S");
        assertThatThrownBy(() -> settings.withLatencyJitter(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> settings.withRateLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(settings.latency()).isZero();
        assertThat(settings.rateLimitPerMinute()).isEmpty();
    }

    private static List<Duration> latencies(SandboxSettings settings) {
        SandboxState state = new SandboxState(settings, () -> null, SandboxTime.system());
        return IntStream.range(0, 200).mapToObj(state::latency).toList();
    }

    static HttpRequest authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", Http.TOKEN).header("Accept", "application/json").GET().build();
    }
}
