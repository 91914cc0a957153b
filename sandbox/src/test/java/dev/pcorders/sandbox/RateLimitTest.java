package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-tenant limit of {@link SandboxSettings#withRateLimit(int)}, on a clock the test moves, so the window opens
 * exactly when the test says and no test sleeps.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RateLimitTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void admitsTheLimitPerMinuteAcrossResourcesThenThrottlesUntilTheOldestLeavesTheWindow() {
        ManualTime time = new ManualTime(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withRateLimit(3), time)) {
            String customer = sandbox.customerIds().get(0);
            assertThat(get(sandbox.customersUrl()).statusCode()).isEqualTo(200);
            time.advance(Duration.ofSeconds(10));
            assertThat(get(sandbox.subscriptionsUrl(customer)).statusCode()).isEqualTo(200);
            assertThat(get(sandbox.ordersUrl(customer)).statusCode()).isEqualTo(200);

            assertThrottled(get(sandbox.ordersUrl(customer)), 50);
            time.advance(Duration.ofMillis(49_500));
            assertThrottled(get(sandbox.ordersUrl(customer)), 1);
            time.advance(Duration.ofMillis(500));
            assertThat(get(sandbox.ordersUrl(customer)).statusCode()).isEqualTo(200);
            assertThrottled(get(sandbox.customersUrl()), 10);

            assertThat(sandbox.statistics().ordersRequests()).as("throttled requests are not served").isEqualTo(2);
            assertThat(sandbox.throttledRequests()).isEqualTo(3);
            assertThat(sandbox.requestLog()).extracting(LoggedRequest::status)
                    .containsExactly(200, 200, 200, 429, 429, 200, 429);
        }
    }

    @Test
    void theFaultScheduleIsNotSpentOnThrottledRequests() {
        ManualTime time = new ManualTime(START);
        SandboxSettings settings = SandboxSettings.defaults().withRateLimit(1)
                .withFaults(FaultPlan.schedule(FaultKind.INTERNAL_ERROR_JSON));
        try (SandboxServer sandbox = SandboxServer.start(settings, time)) {
            String customer = sandbox.customerIds().get(0);
            assertThat(get(sandbox.ordersUrl(customer)).statusCode()).isEqualTo(500);
            assertThrottled(get(sandbox.ordersUrl(customer)), 60);
            time.advance(RateLimit.WINDOW);
            assertThat(get(sandbox.ordersUrl(customer)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachTenantOfTheBearerTokenHasItsOwnWindowAndTheTokenEndpointSpendsNone() {
        ManualTime time = new ManualTime(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withRateLimit(1), time)) {
            String partnerA = "Bearer " + token(sandbox, "11111111-1111-4111-8111-111111111111");
            String partnerB = "Bearer " + token(sandbox, "22222222-2222-4222-8222-222222222222");
            token(sandbox, "11111111-1111-4111-8111-111111111111");
            URI orders = sandbox.ordersUrl(sandbox.customerIds().get(0));

            assertThat(Http.get(orders, "Authorization", partnerA).statusCode()).isEqualTo(200);
            assertThrottled(Http.get(orders, "Authorization", partnerA), 60);
            assertThat(Http.get(orders, "Authorization", partnerB).statusCode()).isEqualTo(200);
            assertThat(Http.get(orders, "Authorization", Http.TOKEN).statusCode())
                    .as("a token without a tenant counts against the shared one").isEqualTo(200);
            assertThat(sandbox.requestLog()).hasSize(4);
        }
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheOldestAdmittedRequestLeavesTheWindowAtLeastOne() {
        RateLimit limit = new RateLimit(OptionalInt.of(2));
        assertThat(limit.admit("a", START)).isEmpty();
        assertThat(limit.admit("a", START.plusMillis(1))).isEmpty();
        assertThat(limit.admit("a", START.plusMillis(2))).hasValue(60);
        assertThat(limit.admit("a", START.plusSeconds(59).plusMillis(999))).hasValue(1);
        assertThat(limit.admit("a", START.plusSeconds(60))).isEmpty();
        assertThat(limit.admit("a", START.plusSeconds(60))).hasValue(1);
        assertThat(limit.admit("b", START.plusSeconds(60))).isEmpty();
        assertThat(new RateLimit(OptionalInt.empty()).admit("a", START)).isEmpty();
    }

    private static void assertThrottled(HttpResponse<byte[]> response, int retryAfterSeconds) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(Integer.toString(retryAfterSeconds));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.get("statusCode").asInt()).isEqualTo(429);
        assertThat(body.get("message").asText())
                .isEqualTo("Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.");
        assertThat(body.size()).as("the fixture's shape: statusCode and message only").isEqualTo(2);
    }

    private static HttpResponse<byte[]> get(URI uri) {
        return Http.get(uri, "Authorization", Http.TOKEN, "Accept", "application/json");
    }

    private static String token(SandboxServer sandbox, String tenant) {
        HttpResponse<byte[]> issued = Http.postForm(sandbox.tokenEndpoint(tenant),
                "grant_type=client_credentials&client_id=app&client_secret=s");
        assertThat(issued.statusCode()).isEqualTo(200);
        return Http.json(issued).get("access_token").asText();
    }
}
