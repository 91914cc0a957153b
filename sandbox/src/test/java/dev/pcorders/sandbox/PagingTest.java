package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging with links.next and MS-ContinuationToken, as other Partner Center collections page. */
class PagingTest {

    private static SandboxServer paged;
    private static SandboxServer unpaged;
    private static String customer;

    @BeforeAll
    static void start() {
        SandboxSettings settings = SandboxSettings.defaults().withSeed(11).withCustomers(1).withOrdersPerCustomer(53);
        paged = Sandbox.start(settings.withPageSize(10));
        unpaged = Sandbox.start(settings);
        customer = paged.customerIds().get(0);
    }

    @AfterAll
    static void stop() {
        paged.close();
        unpaged.close();
    }

    /** Follows next links the way a client must: uri relative to {base}/v1, headers replayed. */
    private static List<JsonNode> allPages(String query) {
        List<JsonNode> pages = new ArrayList<>();
        HttpResponse<byte[]> response = Http.getOrders(paged, customer, query);
        while (true) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Http.json(response);
            pages.add(page);
            JsonNode next = page.at("/links/next");
            if (next.isMissingNode()) {
                return pages;
            }
            assertThat(next.get("method").asText()).isEqualTo("GET");
            List<String> headers = new ArrayList<>(List.of("Authorization", Http.TOKEN));
            next.get("headers").forEach(header -> {
                headers.add(header.get("key").asText());
                headers.add(header.get("value").asText());
            });
            response = Http.get(URI.create(paged.baseUrl() + "/v1" + next.get("uri").asText()),
                    headers.toArray(String[]::new));
        }
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.get("items").forEach(order -> ids.add(order.get("id").asText())));
        return ids;
    }

    @Test
    void followingNextLinksGivesEveryOrderOnceInOrder() {
        String query = "include_system_purchases=true&include_price=true";
        List<JsonNode> pages = allPages(query);
        assertThat(pages).hasSize(6);
        pages.forEach(page -> assertThat(page.get("totalCount").asInt()).isEqualTo(page.get("items").size()));
        assertThat(pages.get(0).get("items").size()).isEqualTo(10);
        assertThat(pages.get(5).get("items").size()).isEqualTo(3);
        JsonNode next = pages.get(0).at("/links/next");
        assertThat(next.get("uri").asText()).startsWith("/customers/" + customer + "/orders?").contains("seekOperation=Next");
        assertThat(next.get("headers").get(0).get("key").asText()).isEqualTo("MS-ContinuationToken");

        JsonNode whole = Http.json(Http.getOrders(unpaged, customer, query));
        List<String> unpagedIds = new ArrayList<>();
        whole.get("items").forEach(order -> unpagedIds.add(order.get("id").asText()));
        assertThat(ids(pages)).hasSize(53).containsExactlyElementsOf(unpagedIds);
    }

    @Test
    void pagingHonoursTheFilters() {
        List<JsonNode> pages = allPages("billingType=monthly");
        List<String> ids = ids(pages);
        JsonNode whole = Http.json(Http.getOrders(unpaged, customer, "billingType=1"));
        assertThat(ids).hasSize(whole.get("totalCount").asInt());
        pages.forEach(page -> page.get("items").forEach(order ->
                assertThat(order.get("billingCycle").asText()).isEqualTo("monthly")));
    }

    @Test
    void theNextRequestWithoutTheContinuationTokenIs400() {
        JsonNode first = Http.json(Http.getOrders(paged, customer, ""));
        String uri = first.at("/links/next/uri").asText();
        HttpResponse<byte[]> response = Http.get(URI.create(paged.baseUrl() + "/v1" + uri), "Authorization", Http.TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        OrdersEndpointTest.assertDocumentedError(response, "800002");
    }

    @Test
    void aForgedOrMisappliedContinuationTokenIs400() {
        JsonNode first = Http.json(Http.getOrders(paged, customer, ""));
        String uri = first.at("/links/next/uri").asText();
        String token = first.at("/links/next/headers/0/value").asText();
        HttpResponse<byte[]> forged = Http.get(URI.create(paged.baseUrl() + "/v1" + uri),
                "Authorization", Http.TOKEN, "MS-ContinuationToken", "bm90LWEtdG9rZW4");
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> otherQuery = Http.get(
                URI.create(paged.ordersUrl(customer) + "?include_price=true&seekOperation=Next"),
                "Authorization", Http.TOKEN, "MS-ContinuationToken", token);
        assertThat(otherQuery.statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAPageSizeThereIsNoNextLink() {
        JsonNode whole = Http.json(Http.getOrders(unpaged, customer, "include_system_purchases=true"));
        assertThat(whole.get("totalCount").asInt()).isEqualTo(53);
        assertThat(whole.at("/links/next").isMissingNode()).isTrue();
    }
}
