package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults of the customers list (by page) and of one customer's subscriptions; the orders schedule is not touched. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CustomersAndSubscriptionsFaultsTest {

    private static SandboxSettings settings(FaultPlan plan) {
        return SandboxSettings.defaults().withSeed(8).withCustomers(25).withOrdersPerCustomer(4).withFaults(plan);
    }

    @Test
    void theCustomerListFailsMidWayOnTheChosenPageEveryTime() {
        FaultPlan plan = FaultPlan.none().withCustomersPageFault(2, FaultKind.INTERNAL_ERROR_JSON);
        try (SandboxServer sandbox = Sandbox.start(settings(plan))) {
            HttpResponse<byte[]> first = CustomersEndpointTest.getCustomers(sandbox, "size=10");
            assertThat(first.statusCode()).isEqualTo(200);
            JsonNode next = Http.json(first).at("/links/next");
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<byte[]> second = CustomersEndpointTest.follow(sandbox, next);
                assertThat(second.statusCode()).isEqualTo(500);
                OrdersEndpointTest.assertDocumentedError(second, "500");
            }
            // Page 1 again, and another size whose second page starts elsewhere, are not the failing page.
            assertThat(CustomersEndpointTest.getCustomers(sandbox, "size=10").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> wide = CustomersEndpointTest.getCustomers(sandbox, "size=30");
            assertThat(wide.statusCode()).isEqualTo(200);
            assertThat(Http.json(wide).get("items")).hasSize(25);
        }
    }

    @Test
    void aPageThatFailsOnceIsServedOnTheRetryWithTheSameToken() {
        FaultPlan plan = FaultPlan.none().withRetryAfterSeconds(3).withCustomersPageFault(3, FaultKind.THROTTLED, 1);
        try (SandboxServer sandbox = Sandbox.start(settings(plan))) {
            List<String> ids = new ArrayList<>();
            HttpResponse<byte[]> response = CustomersEndpointTest.getCustomers(sandbox, "size=10");
            JsonNode lastNext = null;
            int throttled = 0;
            while (true) {
                if (response.statusCode() == 429) {
                    throttled++;
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
                    response = CustomersEndpointTest.follow(sandbox, lastNext);
                    continue;
                }
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = Http.json(response);
                page.get("items").forEach(customer -> ids.add(customer.get("id").asText()));
                JsonNode next = page.at("/links/next");
                if (next.isMissingNode()) {
                    break;
                }
                lastNext = next;
                response = CustomersEndpointTest.follow(sandbox, next);
            }
            assertThat(throttled).isEqualTo(1);
            assertThat(ids).containsExactlyElementsOf(sandbox.customerIds());
        }
    }

    @Test
    void oneCustomersSubscriptionsAreForbiddenOthersAndItsOrdersAreServed() {
        SandboxSettings base = settings(FaultPlan.none());
        String forbidden = Sandbox.data(base).customers().get(3).id();
        FaultPlan plan = FaultPlan.schedule(FaultKind.THROTTLED).withSubscriptionsForbidden(forbidden.toUpperCase());
        try (SandboxServer sandbox = Sandbox.start(base.withFaults(plan))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<byte[]> refused = SubscriptionsEndpointTest.getSubscriptions(sandbox, forbidden, "");
                assertThat(refused.statusCode()).isEqualTo(403);
                OrdersEndpointTest.assertDocumentedError(refused, "20002");
            }
            for (String customer : sandbox.customerIds()) {
                if (!customer.equals(forbidden)) {
                    assertThat(SubscriptionsEndpointTest.getSubscriptions(sandbox, customer, "").statusCode())
                            .isEqualTo(200);
                }
            }
            assertThat(CustomersEndpointTest.getCustomers(sandbox, "").statusCode()).isEqualTo(200);
            // The orders schedule belongs to orders requests alone: its first entry is still unused.
            assertThat(sandbox.statistics().ordersRequests()).isZero();
            assertThat(Http.getOrders(sandbox, forbidden, "").statusCode()).isEqualTo(429);
            assertThat(Http.getOrders(sandbox, forbidden, "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void subscriptionsCanFailWithAnyFaultKind() throws IOException {
        SandboxSettings base = settings(FaultPlan.none());
        List<String> ids = Sandbox.data(base).customers().stream().map(SandboxCustomer::id).toList();
        FaultPlan plan = FaultPlan.none().withDelay(Duration.ofMillis(200))
                .withSubscriptionsFault(ids.get(0), FaultKind.UNAVAILABLE_HTML)
                .withSubscriptionsFault(ids.get(1), FaultKind.TRUNCATED_BODY)
                .withSubscriptionsFault(ids.get(2), FaultKind.CONNECTION_RESET)
                .withSubscriptionsFault(ids.get(3), FaultKind.DELAY)
                .withSubscriptionsFault(ids.get(4), FaultKind.TOKEN_EXPIRED);
        try (SandboxServer sandbox = Sandbox.start(base.withFaults(plan));
             SandboxServer normal = Sandbox.start(base)) {
            HttpResponse<byte[]> html = SubscriptionsEndpointTest.getSubscriptions(sandbox, ids.get(0), "");
            assertThat(html.statusCode()).isEqualTo(503);
            assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));

            RawHttp.Exchange cut = RawHttp.get(sandbox.subscriptionsUrl(ids.get(1)));
            String text = cut.text();
            assertThat(text).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("{\"totalCount\":").doesNotEndWith("0\r\n\r\n");

            RawHttp.Exchange reset = RawHttp.get(sandbox.subscriptionsUrl(ids.get(2)));
            assertThat(reset.received()).isEmpty();
            assertThat(reset.failure()).isInstanceOf(java.net.SocketException.class);

            HttpResponse<byte[]> delayed = SubscriptionsEndpointTest.getSubscriptions(sandbox, ids.get(3), "");
            assertThat(delayed.statusCode()).isEqualTo(200);
            assertThat(delayed.body())
                    .isEqualTo(SubscriptionsEndpointTest.getSubscriptions(normal, ids.get(3), "").body());

            HttpResponse<byte[]> expired = SubscriptionsEndpointTest.getSubscriptions(sandbox, ids.get(4), "");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void customerPageFaultsCoverBodyFaultsToo() throws IOException {
        FaultPlan plan = FaultPlan.none().withCustomersPageFault(1, FaultKind.TRUNCATED_BODY, 1);
        try (SandboxServer sandbox = Sandbox.start(settings(plan))) {
            RawHttp.Exchange cut = RawHttp.get(sandbox.customersUrl());
            String text = cut.text();
            assertThat(text).startsWith("HTTP/1.1 200");
            assertThat(text.substring(text.indexOf("\r\n\r\n") + 4)).doesNotEndWith("0\r\n\r\n");
            assertThat(CustomersEndpointTest.getCustomers(sandbox, "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pageFaultsAreValidated() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> FaultPlan.none().withCustomersPageFault(0, FaultKind.THROTTLED));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> FaultPlan.none().withCustomersPageFault(1, FaultKind.THROTTLED, 0));
    }
}
