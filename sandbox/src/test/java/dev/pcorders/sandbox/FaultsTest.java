package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fault kind on demand, by schedule and by seeded fraction. */
class FaultsTest {

    private static SandboxServer start(FaultPlan plan) {
        return Sandbox.start(SandboxSettings.defaults().withCustomers(1).withFaults(plan));
    }

    private static HttpResponse<byte[]> get(SandboxServer sandbox) {
        return Http.getOrders(sandbox, sandbox.customerIds().get(0), "include_price=true");
    }

    @Test
    void scheduledStatusFaultsThenNormalAnswers() {
        FaultPlan plan = FaultPlan.schedule(FaultKind.THROTTLED, FaultKind.INTERNAL_ERROR_JSON,
                FaultKind.INTERNAL_ERROR_HTML, FaultKind.UNAVAILABLE_JSON, FaultKind.UNAVAILABLE_HTML,
                FaultKind.TOKEN_EXPIRED, FaultKind.NONE).withRetryAfterSeconds(57);
        try (SandboxServer sandbox = start(plan)) {
            HttpResponse<byte[]> throttled = get(sandbox);
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("57");
            JsonNode body = Http.json(throttled);
            assertThat(body.get("statusCode").asInt()).isEqualTo(429);
            assertThat(body.get("message").asText()).isEqualTo("Rate limit is exceeded. Try again in 57 seconds.");

            HttpResponse<byte[]> json500 = get(sandbox);
            assertThat(json500.statusCode()).isEqualTo(500);
            OrdersEndpointTest.assertDocumentedError(json500, "500");

            HttpResponse<byte[]> html500 = get(sandbox);
            assertThat(html500.statusCode()).isEqualTo(500);
            assertThat(html500.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(new String(html500.body(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");

            HttpResponse<byte[]> json503 = get(sandbox);
            assertThat(json503.statusCode()).isEqualTo(503);
            assertThat(json503.headers().firstValue("Retry-After")).hasValue("57");
            OrdersEndpointTest.assertDocumentedError(json503, "503");

            HttpResponse<byte[]> html503 = get(sandbox);
            assertThat(html503.statusCode()).isEqualTo(503);
            assertThat(html503.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));

            HttpResponse<byte[]> expired = get(sandbox);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().firstValue("WWW-Authenticate")).isPresent();

            assertThat(get(sandbox).statusCode()).isEqualTo(200);
            assertThat(get(sandbox).statusCode()).isEqualTo(200);
            assertThat(sandbox.statistics().ordersRequests()).isEqualTo(8);
        }
    }

    @Test
    void connectionResetEndsTheConnectionBeforeAnyResponseByteThenTheNextRequestSucceeds() throws IOException {
        try (SandboxServer sandbox = start(FaultPlan.schedule(FaultKind.CONNECTION_RESET))) {
            RawHttp.Exchange exchange = RawHttp.get(sandbox.ordersUrl(sandbox.customerIds().get(0)));
            assertThat(exchange.received()).isEmpty();
            assertThat(exchange.failure()).isInstanceOf(java.net.SocketException.class);
            assertThat(exchange.failure().getMessage()).containsIgnoringCase("reset");
            assertThat(get(sandbox).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void truncatedBodyIsA200WhoseChunkedBodyStopsMidJson() throws IOException {
        try (SandboxServer sandbox = start(FaultPlan.schedule(FaultKind.TRUNCATED_BODY))) {
            RawHttp.Exchange exchange = RawHttp.get(sandbox.ordersUrl(sandbox.customerIds().get(0)));
            String text = exchange.text();
            assertThat(text).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("{\"totalCount\":");
            // No terminating zero-length chunk: the connection ended in the middle of the body.
            assertThat(body).doesNotEndWith("0\r\n\r\n");
            assertThat(body.length()).isLessThan(get(sandbox).body().length);
            HttpRequest request = HttpRequest.newBuilder(sandbox.ordersUrl(sandbox.customerIds().get(0)))
                    .header("Authorization", Http.TOKEN).build();
            assertThat(Http.send(request).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void delayedResponseIsTheNormalAnswer() {
        FaultPlan plan = FaultPlan.schedule(FaultKind.DELAY).withDelay(Duration.ofMillis(300));
        try (SandboxServer delayed = start(plan); SandboxServer normal = start(FaultPlan.none())) {
            HttpResponse<byte[]> response = get(delayed);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(get(normal).body());
        }
    }

    @Test
    void aFractionOfFaultsIsDrawnFromTheSeedSoTheSameSeedFailsTheSameRequests() {
        FaultPlan plan = FaultPlan.fraction(0.5, FaultKind.THROTTLED, FaultKind.INTERNAL_ERROR_JSON,
                FaultKind.UNAVAILABLE_HTML);
        List<Integer> first = statuses(plan, 42);
        assertThat(first).isEqualTo(statuses(plan, 42));
        assertThat(first).contains(200).containsAnyOf(429, 500, 503);
        assertThat(first).isNotEqualTo(statuses(plan, 43));
    }

    private static List<Integer> statuses(FaultPlan plan, long seed) {
        List<Integer> statuses = new ArrayList<>();
        try (SandboxServer sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(seed).withCustomers(1)
                .withOrdersPerCustomer(3).withFaults(plan))) {
            for (int i = 0; i < 30; i++) {
                statuses.add(get(sandbox).statusCode());
            }
        }
        return statuses;
    }

    @Test
    void requestsRefusedForAuthDoNotConsumeTheSchedule() {
        try (SandboxServer sandbox = start(FaultPlan.schedule(FaultKind.THROTTLED))) {
            assertThat(Http.get(sandbox.ordersUrl(sandbox.customerIds().get(0))).statusCode()).isEqualTo(401);
            assertThat(get(sandbox).statusCode()).isEqualTo(429);
        }
    }
}
