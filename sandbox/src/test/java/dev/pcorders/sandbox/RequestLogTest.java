package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link SandboxServer#requestLog()} keeps of each API request, whatever its answer. */
class RequestLogTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void everyApiRequestIsLoggedWithItsArrivalPathCustomerAndStatusUntilReset() {
        ManualTime time = new ManualTime(START);
        SandboxSettings settings = SandboxSettings.defaults().withFaults(FaultPlan.schedule(FaultKind.NONE,
                FaultKind.THROTTLED));
        try (SandboxServer sandbox = SandboxServer.start(settings, time)) {
            String customer = sandbox.customerIds().get(0);
            String unknown = "00000000-0000-4000-8000-000000000000";
            Http.get(sandbox.ordersUrl(customer));
            Http.getOrders(sandbox, customer, "");
            time.advance(Duration.ofSeconds(1));
            Http.getOrders(sandbox, customer, "");
            Http.getOrders(sandbox, unknown, "");
            Http.getOrders(sandbox, "not-a-guid", "");
            Http.get(URI.create(sandbox.customersUrl() + "?size=2"), "Authorization", Http.TOKEN);
            Http.get(sandbox.subscriptionsUrl(customer), "Authorization", Http.TOKEN);

            assertThat(sandbox.requestLog()).containsExactly(
                    logged(0, START, "/v1/customers/" + customer + "/orders", customer, 401),
                    logged(1, START, "/v1/customers/" + customer + "/orders", customer, 200),
                    logged(2, START.plusSeconds(1), "/v1/customers/" + customer + "/orders", customer, 429),
                    logged(3, START.plusSeconds(1), "/v1/customers/" + unknown + "/orders", unknown, 404),
                    logged(4, START.plusSeconds(1), "/v1/customers/not-a-guid/orders", "not-a-guid", 400),
                    new LoggedRequest(5, START.plusSeconds(1), "/v1/customers", Optional.empty(), 200,
                            START.plusSeconds(1)),
                    logged(6, START.plusSeconds(1), "/v1/customers/" + customer + "/subscriptions", customer, 200));
            assertThat(sandbox.throttledRequests()).isEqualTo(1);

            sandbox.resetRequestLog();
            assertThat(sandbox.requestLog()).isEmpty();
            assertThat(sandbox.throttledRequests()).isZero();
            Http.getOrders(sandbox, customer, "");
            assertThat(sandbox.requestLog()).extracting(LoggedRequest::number).containsExactly(7L);
            assertThat(sandbox.statistics().ordersRequests()).as("statistics are not the log's to reset").isEqualTo(5);
        }
    }

    @Test
    void keepsOnlyTheLatestEntriesButCountsEveryThrottledAnswer() {
        RequestLog log = new RequestLog(3);
        for (int i = 0; i < 5; i++) {
            log.answered(new LoggedRequest(i, START, "/v1/customers", Optional.empty(), 429, START));
        }
        assertThat(log.snapshot()).extracting(LoggedRequest::number).containsExactly(2L, 3L, 4L);
        assertThat(log.throttled()).isEqualTo(5);
    }

    @Test
    void noneIsInFlightOnlyOnceEveryArrivalIsAnswered() throws InterruptedException {
        RequestLog log = new RequestLog();
        log.arrived();
        log.arrived();
        log.answered(new LoggedRequest(1, START, "/v1/customers", Optional.empty(), 200, START));

        assertThat(log.awaitNoneInFlight(Duration.ZERO)).as("one still in flight").isFalse();

        log.answered(new LoggedRequest(2, START, "/v1/customers", Optional.empty(), 200, START));
        assertThat(log.awaitNoneInFlight(Duration.ZERO)).isTrue();
    }

    private static LoggedRequest logged(long number, Instant at, String path, String customer, int status) {
        return new LoggedRequest(number, at, path, Optional.of(customer), status, at);
    }
}
