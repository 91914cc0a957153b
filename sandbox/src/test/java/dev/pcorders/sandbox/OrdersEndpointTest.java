package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orders operation over real HTTP: each query parameter, auth, errors, headers and the data's variety. */
class OrdersEndpointTest {

    private static SandboxServer sandbox;
    private static String customer;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(7).withCustomers(2).withOrdersPerCustomer(120));
        customer = sandbox.customerIds().get(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode orders(String query) {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer, query);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.get("totalCount").asInt()).isEqualTo(body.get("items").size());
        return body;
    }

    private static List<JsonNode> items(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> lineItems(JsonNode body) {
        List<JsonNode> lines = new ArrayList<>();
        body.get("items").forEach(order -> order.get("lineItems").forEach(lines::add));
        return lines;
    }

    @Test
    void withoutParametersSystemPurchasesAndPricesAreLeftOut() {
        JsonNode body = orders("");
        assertThat(items(body)).isNotEmpty().allSatisfy(order -> {
            assertThat(order.get("transactionType").asText()).isEqualTo("UserPurchase");
            assertThat(order.has("totalPrice")).isFalse();
            order.get("lineItems").forEach(line -> assertThat(line.has("pricing")).isFalse());
        });
        assertThat(body.at("/links/self/uri").asText()).isEqualTo("/customers/" + customer + "/orders");
        assertThat(body.at("/attributes/objectType").asText()).isEqualTo("Collection");
        assertThat(body.at("/links").has("next")).isFalse();
    }

    @Test
    void includeSystemPurchasesAddsSystemPurchaseAndSystemBillingOrders() {
        JsonNode all = orders("include_system_purchases=true");
        Set<String> types = new HashSet<>();
        items(all).forEach(order -> types.add(order.get("transactionType").asText()));
        assertThat(types).containsExactlyInAnyOrder("UserPurchase", "SystemPurchase", "SystemBilling");
        assertThat(all.get("totalCount").asInt()).isEqualTo(120);
        assertThat(orders("include_system_purchases=false").get("totalCount").asInt())
                .isEqualTo(orders("").get("totalCount").asInt()).isLessThan(120);
    }

    @Test
    void includePriceAddsPricingWithMoreDecimalsThanTheCurrencyAndTotalPrice() {
        JsonNode body = orders("include_price=TRUE&include_system_purchases=true");
        for (JsonNode order : items(body)) {
            assertThat(order.get("totalPrice").isNumber()).isTrue();
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (JsonNode line : order.get("lineItems")) {
                JsonNode pricing = line.get("pricing");
                assertThat(pricing.fieldNames()).toIterable()
                        .containsExactly("listPrice", "discountedPrice", "extendedPrice", "price", "proratedPrice");
                assertThat(pricing.get("price").isNumber()).isTrue();
                assertThat(pricing.get("price").decimalValue().scale()).isEqualTo(4);
                sum = sum.add(pricing.get("extendedPrice").decimalValue());
            }
            assertThat(order.get("totalPrice").decimalValue()).isEqualByComparingTo(sum);
        }
    }

    @ParameterizedTest
    @CsvSource({"2,annual", "annual,annual", "Annual,annual", "1,monthly", "4,one_time", "one_time,one_time",
        "OneTime,one_time", "5,triennial", "triennial,triennial", "6,biennial", "3,none"})
    void billingTypeFiltersByIntegerOrName(String billingType, String cycle) {
        JsonNode body = orders("include_system_purchases=true&billingType=" + billingType);
        assertThat(items(body)).isNotEmpty().allSatisfy(order ->
                assertThat(order.get("billingCycle").asText()).isEqualToIgnoringCase(cycle));
    }

    @Test
    void billingTypeFilterIsCompleteAcrossAllCycles() {
        int total = 0;
        for (int code = 1; code <= 6; code++) {
            total += orders("include_system_purchases=true&billingType=" + code).get("totalCount").asInt();
        }
        assertThat(total).isEqualTo(120);
    }

    @Test
    void indirectResellerIdKeepsOnlyThatResellersOrders() {
        String reseller = sandbox.customers().get(0).indirectResellerIds().get(0);
        JsonNode body = orders("include_system_purchases=true&indirect_reseller_id=" + reseller);
        assertThat(items(body)).isNotEmpty();
        assertThat(lineItems(body)).allSatisfy(line ->
                assertThat(line.get("partnerIdOnRecord").asText()).isEqualTo(reseller));
        assertThat(orders("indirect_reseller_id=0000000").get("totalCount").asInt()).isZero();
    }

    @Test
    void dataShowEveryCaseTheContractNames() {
        JsonNode body = orders("include_system_purchases=true&include_price=true");
        Set<String> statuses = new HashSet<>();
        Set<String> cycles = new HashSet<>();
        Set<String> lineTypes = new HashSet<>();
        items(body).forEach(order -> {
            statuses.add(order.get("status").asText());
            cycles.add(order.get("billingCycle").asText());
            assertThat(order.get("referenceCustomerId").asText()).isEqualTo(customer);
        });
        List<JsonNode> lines = lineItems(body);
        lines.forEach(line -> lineTypes.add(line.get("transactionType").asText()));
        assertThat(statuses).contains("completed", "pending", "cancelled", "po_upload_complete",
                OrderTraits.UNKNOWN_STATUS);
        assertThat(cycles).contains("monthly", "annual", "none", "one_time", "triennial", "biennial");
        assertThat(lineTypes).contains("New", "Renew", "addQuantity", "convert");
        assertThat(lines).anySatisfy(line -> assertThat(line.get("offerId").asText())
                .matches("[A-Z0-9]{12}:[A-Z0-9]{4}:[A-Z0-9]{12}"));
        assertThat(lines).anySatisfy(line -> assertThat(line.get("offerId").asText())
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
        assertThat(lines).anySatisfy(line -> assertThat(line.has("purchaseCommitment")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.has("renewsTo")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.has("provisioningContext")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.has("partnerIdOnRecord")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.path("termDuration").isTextual()
                && line.get("termDuration").asText().isEmpty()).isTrue());
        assertThat(items(body)).anySatisfy(order -> assertThat(order.get("creationDate").asText())
                .matches(".*\\.\\d{7}Z"));
        assertThat(items(body)).anySatisfy(order -> assertThat(order.get("creationDate").asText())
                .matches(".*\\.\\d{3}-07:00"));
    }

    @ParameterizedTest
    @CsvSource({"billingType=weekly", "billingType=99", "include_price=yes", "include_system_purchases=1",
        "seekOperation=Previous"})
    void invalidParametersAre400InTheDocumentedShape(String query) {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer, query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertDocumentedError(response, "800002");
    }

    @Test
    void aCustomerIdThatIsNotAGuidIs400() {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, "not-a-guid", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertDocumentedError(response, "800002");
    }

    @Test
    void anUnknownCustomerIs404WithCode60003() {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, "00000000-0000-4000-8000-000000000000", "");
        assertThat(response.statusCode()).isEqualTo(404);
        assertDocumentedError(response, "60003");
    }

    @Test
    void customerIdsMatchInAnyCase() {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer.toUpperCase(java.util.Locale.ROOT), "");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(value = {"NONE", "Bearer", "'Bearer '", "Basic dXNlcjpwYXNz"}, nullValues = "NONE")
    void withoutABearerTokenIs401WithWwwAuthenticate(String authorization) {
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (authorization != null) {
            headers.addAll(List.of("Authorization", authorization));
        }
        HttpResponse<byte[]> response = Http.get(sandbox.ordersUrl(customer), headers.toArray(String[]::new));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertDocumentedError(response, "800001");
    }

    @Test
    void echoesCorrelationAndRequestIdsAndSetsACorrelationVector() {
        HttpResponse<byte[]> response = Http.getOrders(sandbox, customer, "", "MS-CorrelationId",
                "1b2c3d4e-0000-4000-8000-000000000001", "MS-RequestId", "1b2c3d4e-0000-4000-8000-000000000002",
                "MS-CV", "abcDEF123.4");
        assertThat(response.headers().firstValue("MS-CorrelationId")).hasValue("1b2c3d4e-0000-4000-8000-000000000001");
        assertThat(response.headers().firstValue("MS-RequestId")).hasValue("1b2c3d4e-0000-4000-8000-000000000002");
        assertThat(response.headers().firstValue("MS-CV")).hasValue("abcDEF123.4");

        HttpResponse<byte[]> bare = Http.getOrders(sandbox, customer, "");
        assertThat(bare.headers().firstValue("MS-CV")).isPresent();
        assertThat(bare.headers().firstValue("MS-CorrelationId")).isPresent();
        HttpResponse<byte[]> error = Http.get(sandbox.ordersUrl(customer), "MS-CorrelationId", "corr-1");
        assertThat(error.headers().firstValue("MS-CorrelationId")).hasValue("corr-1");
    }

    @Test
    void baseUrlIsLoopbackOnTheChosenPort() {
        assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.ordersUrl(customer)).isEqualTo(URI.create(sandbox.baseUrl() + "/v1/customers/" + customer + "/orders"));
    }

    static void assertDocumentedError(HttpResponse<byte[]> response, String code) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("code", "description", "data", "source");
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        assertThat(body.get("data").isArray()).isTrue();
    }
}
