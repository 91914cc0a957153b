package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /v1/customers?size=N}: the partner's customers, paged with links.next and MS-ContinuationToken. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CustomersEndpointTest {

    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(21).withCustomers(95).withOrdersPerCustomer(2));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<byte[]> getCustomers(SandboxServer server, String query, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", Http.TOKEN, "Accept", "application/json"));
        all.addAll(List.of(headers));
        return Http.get(URI.create(server.customersUrl() + (query.isEmpty() ? "" : "?" + query)),
                all.toArray(String[]::new));
    }

    /** Follows next links the way a client must: uri relative to {base}/v1, headers replayed. */
    static List<JsonNode> allPages(SandboxServer server, String query) {
        List<JsonNode> pages = new ArrayList<>();
        HttpResponse<byte[]> response = getCustomers(server, query);
        while (true) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Http.json(response);
            pages.add(page);
            JsonNode next = page.at("/links/next");
            if (next.isMissingNode()) {
                return pages;
            }
            response = follow(server, next);
        }
    }

    static HttpResponse<byte[]> follow(SandboxServer server, JsonNode next) {
        assertThat(next.get("method").asText()).isEqualTo("GET");
        List<String> headers = new ArrayList<>(List.of("Authorization", Http.TOKEN));
        next.get("headers").forEach(header -> {
            headers.add(header.get("key").asText());
            headers.add(header.get("value").asText());
        });
        return Http.get(URI.create(server.baseUrl() + "/v1" + next.get("uri").asText()), headers.toArray(String[]::new));
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.get("items").forEach(customer -> ids.add(customer.get("id").asText())));
        return ids;
    }

    @Test
    void pagesCarryEveryCustomerExactlyOnceInTheSandboxOrder() {
        List<JsonNode> pages = allPages(sandbox, "size=40");
        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(page -> page.get("items").size()).containsExactly(40, 40, 15);
        assertThat(pages).extracting(page -> page.get("totalCount").asInt()).containsExactly(40, 40, 15);
        assertThat(ids(pages)).containsExactlyElementsOf(sandbox.customerIds()).doesNotHaveDuplicates();
        JsonNode next = pages.get(0).at("/links/next");
        assertThat(next.get("uri").asText()).isEqualTo("/customers?size=40&seekOperation=Next");
        assertThat(next.get("headers")).hasSize(1);
        assertThat(next.at("/headers/0/key").asText()).isEqualTo("MS-ContinuationToken");
        assertThat(next.at("/headers/0/value").asText()).isNotBlank();
        assertThat(pages.get(0).at("/links/self/uri").asText()).isEqualTo("/customers?size=40");
        assertThat(pages.get(0).at("/attributes/objectType").asText()).isEqualTo("Collection");
        assertThat(pages.get(2).at("/links/next").isMissingNode()).isTrue();
    }

    @Test
    void otherSizesPageTheSameCustomersAndTheDefaultIsForty() {
        assertThat(ids(allPages(sandbox, "size=7"))).containsExactlyElementsOf(sandbox.customerIds());
        assertThat(ids(allPages(sandbox, "size=500"))).containsExactlyElementsOf(sandbox.customerIds());
        assertThat(allPages(sandbox, "size=1")).hasSize(95);
        List<JsonNode> byDefault = allPages(sandbox, "");
        assertThat(byDefault).extracting(page -> page.get("items").size()).containsExactly(40, 40, 15);
        assertThat(byDefault.get(0).at("/links/next/uri").asText()).isEqualTo("/customers?size=40&seekOperation=Next");
    }

    @Test
    void eachCustomerHasTheDocumentedShapeAndIsTheCustomerWhoseOrdersAreServed() {
        JsonNode first = Http.json(getCustomers(sandbox, "size=3")).get("items").get(0);
        SandboxCustomer expected = sandbox.customers().get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("id", "companyProfile", "relationshipToPartner", "links", "attributes");
        assertThat(first.get("id").asText()).isEqualTo(expected.id());
        assertThat(first.at("/companyProfile/tenantId").asText()).isEqualTo(expected.id());
        assertThat(first.at("/companyProfile/domain").asText()).isEqualTo(expected.domain()).endsWith(".onmicrosoft.com");
        assertThat(first.at("/companyProfile/companyName").asText()).isEqualTo(expected.name());
        assertThat(first.get("relationshipToPartner").asText()).isEqualTo("reseller");
        assertThat(first.at("/attributes/objectType").asText()).isEqualTo("Customer");
        assertThat(first.at("/links/self/uri").asText()).isEqualTo("/customers/" + expected.id());
        for (JsonNode page : allPages(sandbox, "size=50")) {
            for (JsonNode customer : page.get("items")) {
                assertThat(Http.getOrders(sandbox, customer.get("id").asText(), "").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void sizeOutOfRangeOrNotANumberIsA400() {
        for (String size : List.of("0", "-1", "501", "abc")) {
            HttpResponse<byte[]> response = getCustomers(sandbox, "size=" + size);
            assertThat(response.statusCode()).as("size=%s", size).isEqualTo(400);
            OrdersEndpointTest.assertDocumentedError(response, "800002");
        }
    }

    @Test
    void theNextPageNeedsAValidTokenOfTheCustomerList() {
        HttpResponse<byte[]> noToken = getCustomers(sandbox, "size=40&seekOperation=Next");
        assertThat(noToken.statusCode()).isEqualTo(400);
        OrdersEndpointTest.assertDocumentedError(noToken, "800002");

        HttpResponse<byte[]> garbage = getCustomers(sandbox, "size=40&seekOperation=Next", "MS-ContinuationToken", "x!y");
        assertThat(garbage.statusCode()).isEqualTo(400);
        OrdersEndpointTest.assertDocumentedError(garbage, "800002");

        String ordersToken = ContinuationTokens.encode(sandbox.settings().seed(), 0, 5, OrdersQuery.plain().filterKey());
        assertThat(getCustomers(sandbox, "size=40&seekOperation=Next", "MS-ContinuationToken", ordersToken)
                .statusCode()).isEqualTo(400);

        String otherSeed = ContinuationTokens.encode(sandbox.settings().seed() + 1, -1, 40, SandboxData.CUSTOMERS_TOKEN_KEY);
        assertThat(getCustomers(sandbox, "size=40&seekOperation=Next", "MS-ContinuationToken", otherSeed)
                .statusCode()).isEqualTo(400);

        String pastTheEnd = ContinuationTokens.encode(sandbox.settings().seed(), -1, 1000, SandboxData.CUSTOMERS_TOKEN_KEY);
        assertThat(getCustomers(sandbox, "size=40&seekOperation=Next", "MS-ContinuationToken", pastTheEnd)
                .statusCode()).isEqualTo(400);

        assertThat(getCustomers(sandbox, "size=40&seekOperation=Previous").statusCode()).isEqualTo(400);

        JsonNode next = Http.json(getCustomers(sandbox, "size=40")).at("/links/next");
        HttpResponse<byte[]> second = follow(sandbox, next);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Http.json(second).at("/items/0/id").asText()).isEqualTo(sandbox.customerIds().get(40));
    }

    @Test
    void aRequestWithoutBearerTokenIsA401() {
        HttpResponse<byte[]> response = Http.get(sandbox.customersUrl());
        assertThat(response.statusCode()).isEqualTo(401);
        OrdersEndpointTest.assertDocumentedError(response, "800001");
    }

    @Test
    void theSameSeedServesTheSameBytes() {
        SandboxSettings settings = SandboxSettings.defaults().withSeed(21).withCustomers(95).withOrdersPerCustomer(2);
        try (SandboxServer again = Sandbox.start(settings); SandboxServer other = Sandbox.start(settings.withSeed(22))) {
            assertThat(getCustomers(again, "size=40").body()).isEqualTo(getCustomers(sandbox, "size=40").body());
            assertThat(getCustomers(other, "size=40").body()).isNotEqualTo(getCustomers(sandbox, "size=40").body());
        }
    }
}
