package dev.pcorders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/customers/{id}/subscriptions}: consistent with the orders served, seeded, with planted cases. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SubscriptionsEndpointTest {

    private static final SandboxSettings SETTINGS =
            SandboxSettings.defaults().withSeed(5).withCustomers(3).withOrdersPerCustomer(150);
    private static final List<String> FIELDS = List.of("id", "offerId", "offerName", "friendlyName", "quantity",
            "unitType", "creationDate", "effectiveStartDate", "commitmentEndDate", "status", "autoRenewEnabled",
            "isTrial", "billingType", "billingCycle", "refundOptions", "contractType", "orderId", "entitlementId",
            "links", "attributes");

    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SETTINGS);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<byte[]> getSubscriptions(SandboxServer server, String customerId, String query) {
        return Http.get(URI.create(server.subscriptionsUrl(customerId) + (query.isEmpty() ? "" : "?" + query)),
                "Authorization", Http.TOKEN, "Accept", "application/json");
    }

    private static Map<String, JsonNode> subscriptionsById(String customerId) {
        HttpResponse<byte[]> response = getSubscriptions(sandbox, customerId, "");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.at("/attributes/objectType").asText()).isEqualTo("Collection");
        assertThat(body.at("/links/self/uri").asText()).isEqualTo("/customers/" + customerId + "/subscriptions");
        assertThat(body.get("totalCount").asInt()).isEqualTo(body.get("items").size());
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode subscription : body.get("items")) {
            assertThat(byId.put(subscription.get("id").asText(), subscription)).as("served twice").isNull();
        }
        return byId;
    }

    @Test
    void everyLineItemSubscriptionOfEveryOrderIsServedWithTheLinesValues() {
        PlantedSubscriptions planted = sandbox.plantedSubscriptions();
        int checked = 0;
        for (String customer : sandbox.customerIds()) {
            Map<String, JsonNode> byId = subscriptionsById(customer);
            JsonNode orders = Http.json(Http.getOrders(sandbox, customer, "include_system_purchases=true"));
            int lines = 0;
            for (JsonNode order : orders.get("items")) {
                for (JsonNode item : order.get("lineItems")) {
                    if (!item.hasNonNull("subscriptionId")) {
                        continue;
                    }
                    lines++;
                    String id = item.get("subscriptionId").asText();
                    JsonNode subscription = byId.get(id);
                    assertThat(subscription).as("subscription %s of order %s", id, order.get("id")).isNotNull();
                    assertThat(subscription.get("offerId").asText()).isEqualTo(item.get("offerId").asText());
                    assertThat(subscription.get("orderId").asText()).isEqualTo(order.get("id").asText());
                    assertThat(subscription.get("creationDate").asText()).isEqualTo(order.get("creationDate").asText());
                    assertThat(subscription.get("billingCycle").asText())
                            .isEqualToIgnoringCase(order.get("billingCycle").asText());
                    assertThat(subscription.get("friendlyName").asText()).isEqualTo(item.get("friendlyName").asText());
                    if (item.has("termDuration")) {
                        assertThat(subscription.get("termDuration").asText()).isEqualTo(item.get("termDuration").asText());
                    } else {
                        assertThat(subscription.has("termDuration")).isFalse();
                    }
                    if (planted.seatDrift().filter(p -> p.subscriptionId().equals(id)).isPresent()) {
                        assertThat(subscription.get("quantity").asInt()).isNotEqualTo(item.get("quantity").asInt());
                    } else {
                        assertThat(subscription.get("quantity").asInt()).isEqualTo(item.get("quantity").asInt());
                    }
                    assertThat(subscription.at("/links/subscription").isMissingNode()).isTrue();
                    assertThat(item.at("/links/subscription/uri").asText())
                            .isEqualTo(subscription.at("/links/self/uri").asText());
                    checked++;
                }
            }
            // Nothing but the orders' subscriptions.
            assertThat(byId).hasSize(lines);
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void eachSubscriptionHasTheDocumentedFields() {
        Map<String, Long> statuses = new HashMap<>();
        for (String customer : sandbox.customerIds()) {
            for (JsonNode subscription : subscriptionsById(customer).values()) {
                for (String field : FIELDS) {
                    assertThat(subscription.has(field)).as("%s in %s", field, subscription).isTrue();
                }
                assertThat(subscription.get("unitType").asText()).isEqualTo("Licenses");
                assertThat(subscription.get("billingType").asText()).isEqualTo("license");
                assertThat(subscription.get("contractType").asText()).isEqualTo("subscription");
                assertThat(subscription.get("isTrial").asBoolean()).isFalse();
                assertThat(subscription.get("quantity").isInt()).isTrue();
                assertThat(subscription.at("/refundOptions/0/type").asText()).isEqualTo("Full");
                assertThat(subscription.at("/refundOptions/0/expiresAt").asText()).endsWith("Z");
                assertThat(subscription.at("/attributes/objectType").asText()).isEqualTo("Subscription");
                assertThat(subscription.at("/links/offer/uri").asText())
                        .startsWith("/offers/" + subscription.get("offerId").asText());
                assertThat(subscription.at("/links/self/uri").asText())
                        .isEqualTo("/customers/" + customer + "/subscriptions/" + subscription.get("id").asText());
                assertThat(subscription.get("effectiveStartDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT00:00:00Z");
                assertThat(subscription.get("commitmentEndDate").asText())
                        .isGreaterThan(subscription.get("effectiveStartDate").asText());
                statuses.merge(subscription.get("status").asText(), 1L, Long::sum);
            }
        }
        assertThat(statuses.keySet()).contains("active", "suspended", "deleted");
        long all = statuses.values().stream().mapToLong(Long::longValue).sum();
        assertThat(statuses.get("active")).isGreaterThan(all / 2);
        assertThat(statuses.get("suspended")).isEqualTo(1L);
    }

    @Test
    void theSameSeedServesTheSameBytesAndTheDataWritesThemToo() throws IOException {
        String customer = sandbox.customerIds().get(1);
        try (SandboxServer again = Sandbox.start(SETTINGS); SandboxServer other = Sandbox.start(SETTINGS.withSeed(6))) {
            byte[] served = getSubscriptions(sandbox, customer, "").body();
            assertThat(getSubscriptions(again, customer, "").body()).isEqualTo(served);
            assertThat(getSubscriptions(other, other.customerIds().get(1), "").body()).isNotEqualTo(served);
            assertThat(again.plantedSubscriptions()).isEqualTo(sandbox.plantedSubscriptions());
            assertThat(other.plantedSubscriptions()).isNotEqualTo(sandbox.plantedSubscriptions());
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            Sandbox.data(SETTINGS).writeSubscriptions(customer, written);
            assertThat(written.toByteArray()).isEqualTo(served);
        }
    }

    @Test
    void aBigCustomerIsStreamedInChunksAndStillParses() {
        try (SandboxServer big = Sandbox.start(SandboxSettings.defaults().withSeed(3).withCustomers(1)
                .withOrdersPerCustomer(2000))) {
            HttpResponse<byte[]> response = getSubscriptions(big, big.customerIds().get(0), "");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().length).isGreaterThan(4 * CollectionBody.CHUNK_BYTES);
            JsonNode body = Http.json(response);
            assertThat(body.get("items").size()).isEqualTo(body.get("totalCount").asInt()).isGreaterThan(2000);
        }
    }

    @Test
    void orderIdSelectsTheSubscriptionsOfOneOrder() {
        String customer = sandbox.customerIds().get(0);
        JsonNode order = Http.json(Http.getOrders(sandbox, customer, "")).at("/items/0");
        String orderId = order.get("id").asText();
        JsonNode body = Http.json(getSubscriptions(sandbox, customer,
                "order_id=" + URLEncoder.encode(orderId, StandardCharsets.UTF_8)));
        List<String> expected = new ArrayList<>();
        order.get("lineItems").forEach(item -> {
            if (item.hasNonNull("subscriptionId")) {
                expected.add(item.get("subscriptionId").asText());
            }
        });
        List<String> served = new ArrayList<>();
        body.get("items").forEach(subscription -> served.add(subscription.get("id").asText()));
        assertThat(served).isNotEmpty().containsExactlyElementsOf(expected);
    }

    @Test
    void anUnknownCustomerIsA404AndABadIdA400AsForOrders() {
        HttpResponse<byte[]> unknown = getSubscriptions(sandbox, "00000000-0000-4000-8000-000000000000", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        OrdersEndpointTest.assertDocumentedError(unknown, "60003");
        HttpResponse<byte[]> bad = getSubscriptions(sandbox, "not-a-guid", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        OrdersEndpointTest.assertDocumentedError(bad, "800002");
        assertThat(Http.get(sandbox.subscriptionsUrl(sandbox.customerIds().get(0))).statusCode()).isEqualTo(401);
    }

    @Test
    void thePlantedCasesAreServedAsRecorded() {
        PlantedSubscriptions planted = sandbox.plantedSubscriptions();
        assertThat(planted.all()).extracting(PlantedSubscription::kind)
                .containsExactly(PlantedSubscription.Kind.values());
        assertThat(planted.all()).extracting(PlantedSubscription::subscriptionId).doesNotHaveDuplicates();
        for (PlantedSubscription plantedCase : planted.all()) {
            JsonNode served = subscriptionsById(plantedCase.customerId()).get(plantedCase.subscriptionId());
            assertThat(served).as("%s", plantedCase).isNotNull();
            assertThat(served.get("status").asText()).isEqualTo(plantedCase.status());
            assertThat(served.get("quantity").asInt()).isEqualTo(plantedCase.subscriptionQuantity());
            assertThat(served.get("orderId").asText()).isEqualTo(plantedCase.orderId());
            assertThat(served.get("offerId").asText()).isEqualTo(plantedCase.offerId());
        }
        assertThat(planted.notBilled().orElseThrow().status()).isEqualTo("active");
        assertThat(planted.suspendedButBilled().orElseThrow().status()).isEqualTo("suspended");
        PlantedSubscription drift = planted.seatDrift().orElseThrow();
        assertThat(drift.status()).isEqualTo("active");
        assertThat(drift.subscriptionQuantity()).isNotEqualTo(drift.billedQuantity());
    }

    /** The export's rows by SubscriptionId: their quantities. */
    private static Map<String, List<Integer>> billedQuantities(byte[] csv) throws IOException {
        Map<String, List<Integer>> bySubscription = new HashMap<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            for (NamedCsvRecord record : reader) {
                String chargeType = record.getField("ChargeType").toLowerCase(Locale.ROOT);
                if (!"cyclecharge".equals(chargeType)) {
                    bySubscription.computeIfAbsent(record.getField("SubscriptionId"), any -> new ArrayList<>())
                            .add(Integer.parseInt(record.getField("Quantity")));
                }
            }
        }
        return bySubscription;
    }

    @Test
    void anExportWithSubscriptionCasesBillsThemAsPlanted() throws IOException {
        SandboxData data = sandbox.data();
        for (boolean systemPurchases : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReconciliationExport export = data.writeReconciliationCsv(out,
                    ReconciliationPlan.of(3, systemPurchases).withSubscriptionCases(true));
            assertThat(export.plantedSubscriptions()).isEqualTo(data.plantedSubscriptions().all());
            Map<String, List<Integer>> billed = billedQuantities(out.toByteArray());
            PlantedSubscriptions planted = data.plantedSubscriptions();

            PlantedSubscription notBilled = planted.notBilled().orElseThrow();
            assertThat(billed).doesNotContainKey(notBilled.subscriptionId());
            assertThat(export.planted(DiscrepancyKind.MISSING_IN_LEDGER))
                    .anySatisfy(missing -> {
                        assertThat(missing.orderId()).hasValue(notBilled.orderId());
                        assertThat(missing.offerId()).isEqualTo(notBilled.offerId());
                    });

            PlantedSubscription suspended = planted.suspendedButBilled().orElseThrow();
            assertThat(billed.get(suspended.subscriptionId())).containsExactly(suspended.billedQuantity());

            PlantedSubscription drift = planted.seatDrift().orElseThrow();
            assertThat(billed.get(drift.subscriptionId())).containsExactly(drift.billedQuantity())
                    .doesNotContain(drift.subscriptionQuantity());

            // No order-level discrepancy on the planted subscriptions' lines but the not-billed one.
            assertThat(export.planted()).noneSatisfy(discrepancy -> assertThat(discrepancy.orderId())
                    .isPresent().get().isIn(suspended.orderId(), drift.orderId()));
            assertThat(export.plantedCounts().get(DiscrepancyKind.MISSING_IN_LEDGER)).isEqualTo(4L);
            assertThat(export.plantedCounts().get(DiscrepancyKind.QUANTITY_MISMATCH)).isEqualTo(3L);
        }
    }

    @Test
    void anExportWithoutSubscriptionCasesIsTheSameAsBefore() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ReconciliationExport export = sandbox.data().writeReconciliationCsv(plain, ReconciliationPlan.of(3, false));
        ByteArrayOutputStream explicit = new ByteArrayOutputStream();
        sandbox.data().writeReconciliationCsv(explicit, new ReconciliationPlan(3, false, true, false));
        assertThat(explicit.toByteArray()).isEqualTo(plain.toByteArray());
        assertThat(export.plantedSubscriptions()).isEmpty();
        assertThat(export.plantedCounts().get(DiscrepancyKind.MISSING_IN_LEDGER)).isEqualTo(3L);
    }

    /**
     * This test's own seat check of a partner ledger against the served subscriptions: the ledger's quantities summed per
     * subscription id, compared with each served subscription's status and seats. Every subscription but the planted
     * ones is billed at its seats if active and not at all if deleted, and no row names a subscription nobody serves.
     */
    @Test
    void aPartnerLedgerWithSubscriptionCasesBillsEveryServedSubscriptionButThePlantedAtItsSeats(@TempDir Path folder)
            throws IOException {
        Path file = folder.resolve("partner-ledger.csv");
        ReconciliationExport export = sandbox.data().writePartnerLedgerCsv(file,
                ReconciliationPlan.of(3, true).withSubscriptionCases(true));
        PlantedSubscriptions planted = sandbox.plantedSubscriptions();
        assertThat(export.plantedSubscriptions()).isEqualTo(planted.all()).hasSize(3);
        Map<String, Long> billed = new HashMap<>();
        for (LedgerRow row : PartnerLedgerFile.rows(file)) {
            row.subscriptionId().ifPresent(id -> billed.merge(id.toLowerCase(Locale.ROOT), row.quantity(), Long::sum));
        }

        Map<String, JsonNode> served = new HashMap<>();
        sandbox.customerIds().forEach(customer -> subscriptionsById(customer)
                .forEach((id, subscription) -> served.put(id.toLowerCase(Locale.ROOT), subscription)));
        assertThat(served.keySet()).containsAll(billed.keySet());
        for (JsonNode subscription : served.values()) {
            String id = subscription.get("id").asText();
            String status = subscription.get("status").asText();
            Long seats = billed.get(id.toLowerCase(Locale.ROOT));
            java.util.Optional<PlantedSubscription> plantedCase = planted.bySubscriptionId(id);
            if (plantedCase.isPresent()) {
                continue;
            }
            if ("active".equals(status)) {
                assertThat(seats).as("%s billed", id).isEqualTo(subscription.get("quantity").asLong());
            } else if ("deleted".equals(status)) {
                assertThat(seats).as("%s billed", id).isNull();
            }
        }

        PlantedSubscription notBilled = planted.notBilled().orElseThrow();
        assertThat(billed).doesNotContainKey(notBilled.subscriptionId().toLowerCase(Locale.ROOT));
        PlantedSubscription suspended = planted.suspendedButBilled().orElseThrow();
        assertThat(served.get(suspended.subscriptionId().toLowerCase(Locale.ROOT)).get("status").asText())
                .isEqualTo("suspended");
        assertThat(billed.get(suspended.subscriptionId().toLowerCase(Locale.ROOT)))
                .isEqualTo((long) suspended.billedQuantity());
        PlantedSubscription drift = planted.seatDrift().orElseThrow();
        assertThat(billed.get(drift.subscriptionId().toLowerCase(Locale.ROOT))).isEqualTo((long) drift.billedQuantity())
                .isNotEqualTo(served.get(drift.subscriptionId().toLowerCase(Locale.ROOT)).get("quantity").asLong());
    }

    @Test
    void aPartnerLedgerIsTheSameForTheSameSeed(@TempDir Path folder) throws IOException {
        ReconciliationPlan plan = ReconciliationPlan.of(2, true).withSubscriptionCases(true);
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");
        ReconciliationExport written = sandbox.data().writePartnerLedgerCsv(first, plan);
        ReconciliationExport again = SandboxData.generate(SETTINGS).writePartnerLedgerCsv(second, plan);

        assertThat(java.nio.file.Files.readAllBytes(second)).isEqualTo(java.nio.file.Files.readAllBytes(first));
        assertThat(again).isEqualTo(written);
    }
}
