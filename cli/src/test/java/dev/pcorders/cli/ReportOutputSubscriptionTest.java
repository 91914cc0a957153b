package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.reconciliation.SubscriptionDetail;
import dev.pcorders.domain.shared.CustomerId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subscription-level kinds in the three formats, apart from the order-level ones, which print as before. */
class ReportOutputSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final CustomerId CUSTOMER = CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");
    private static final CustomerId NOT_CACHED = CustomerId.parse("0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098");
    private static final CustomerId NOT_IN_LEDGER = CustomerId.parse("11111111-2222-4333-8444-555555555555");
    private static final OfferId OFFER = OfferId.parse("CFQ7TTC0LH18:0001:CFQ7TTC0K5BF");

    private static final Discrepancy QUANTITY = new Discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, CUSTOMER, "o1",
            Optional.of(OrderId.of("o1")), Optional.empty(), OFFER, List.of(2L), 1, Optional.of("4"), Optional.of("5"),
            "the ledger's quantity differs from the order's");
    private static final Discrepancy SEATS = new Discrepancy(DiscrepancyKind.SEAT_COUNT_MISMATCH, CUSTOMER, "o1",
            Optional.of(OrderId.of("o1")), Optional.empty(), OFFER, List.of(2L, 3L), 2, Optional.of("9"), Optional.of("10"),
            "seats differ", Optional.of(new SubscriptionDetail("sub-seats", Optional.of("active"), Optional.of(10L), 9)));
    private static final Discrepancy NOT_BILLED = new Discrepancy(DiscrepancyKind.SUBSCRIPTION_NOT_BILLED, CUSTOMER, "",
            Optional.empty(), Optional.empty(), OFFER, List.of(), 0, Optional.empty(), Optional.of("3"), "not billed",
            Optional.of(new SubscriptionDetail("sub-unbilled", Optional.of("active"), Optional.of(3L), 0)));
    private static final Discrepancy UNKNOWN = new Discrepancy(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, CUSTOMER, "o7",
            Optional.empty(), Optional.empty(), OFFER, List.of(7L), 1, Optional.of("billed"), Optional.empty(), "unknown",
            Optional.of(new SubscriptionDetail("sub-ghost", Optional.empty(), Optional.empty(), 4)));
    private static final Discrepancy SUSPENDED = new Discrepancy(DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, CUSTOMER, "o8",
            Optional.empty(), Optional.empty(), OFFER, List.of(8L), 1, Optional.of("billed"), Optional.of("suspended"),
            "suspended", Optional.of(new SubscriptionDetail("sub-suspended", Optional.of("suspended"), Optional.of(2L), 2)));

    private static ReconciliationReport report(SubscriptionCheck check, Discrepancy... discrepancies) {
        return new ReconciliationReport(1, Map.of(), 0, List.of(), List.of(), List.of(discrepancies),
                new ReconciliationReport.Coverage(5, 0, 0), List.of(), check);
    }

    private static final ReconciliationReport WITH_SUBSCRIPTIONS = report(
            new SubscriptionCheck(List.of(CUSTOMER), List.of(NOT_CACHED), List.of(NOT_IN_LEDGER)),
            QUANTITY, SEATS, NOT_BILLED, UNKNOWN, SUSPENDED);

    private static String print(ReconciliationReport report, OutputFormat format) throws IOException {
        StringWriter text = new StringWriter();
        ReportOutput.reconciliation(report, format, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void jsonGivesTheSubscriptionFieldsAndWhomTheCheckLeftOut() throws IOException {
        JsonNode json = JSON.readTree(print(WITH_SUBSCRIPTIONS, OutputFormat.JSON));

        JsonNode summary = json.get("summary");
        assertThat(summary.get("discrepanciesByKind").get("SEAT_COUNT_MISMATCH").asLong()).isEqualTo(1);
        assertThat(summary.get("discrepanciesByKind").get("BILLED_SUBSCRIPTION_NOT_ACTIVE").asLong()).isEqualTo(2);
        assertThat(summary.get("subscriptions").get("checkedCustomers").get(0).asText()).isEqualTo(CUSTOMER.toString());
        assertThat(summary.get("subscriptions").get("notCached").get("customers").get(0).asText()).isEqualTo(NOT_CACHED.toString());
        assertThat(summary.get("subscriptions").get("notInLedger").get("customers").get(0).asText())
                .isEqualTo(NOT_IN_LEDGER.toString());

        JsonNode discrepancies = json.get("discrepancies");
        assertThat(discrepancies).hasSize(5);
        assertThat(discrepancies.get(0).get("kind").asText()).isEqualTo("QUANTITY_MISMATCH");
        assertThat(discrepancies.get(0).has("subscriptionId")).isFalse();
        JsonNode seats = discrepancies.get(1);
        assertThat(seats.get("kind").asText()).isEqualTo("SEAT_COUNT_MISMATCH");
        assertThat(seats.get("customerId").asText()).isEqualTo(CUSTOMER.toString());
        assertThat(seats.get("subscriptionId").asText()).isEqualTo("sub-seats");
        assertThat(seats.get("offerId").asText()).isEqualTo(OFFER.value());
        assertThat(seats.get("status").asText()).isEqualTo("active");
        assertThat(seats.get("cachedQuantity").asLong()).isEqualTo(10);
        assertThat(seats.get("ledgerQuantity").asLong()).isEqualTo(9);
        assertThat(seats.get("orderId").asText()).isEqualTo("o1");
        assertThat(seats.get("ledgerLines")).extracting(JsonNode::asLong).containsExactly(2L, 3L);
        assertThat(seats.get("ledgerRows").asLong()).isEqualTo(2);
        JsonNode notBilled = discrepancies.get(2);
        assertThat(notBilled.get("ledgerQuantity").asLong()).isZero();
        assertThat(notBilled.get("ledgerLines")).isEmpty();
        assertThat(notBilled.has("orderId")).isFalse();
        JsonNode unknown = discrepancies.get(3);
        assertThat(unknown.has("status")).as("Partner Center has no such subscription").isFalse();
        assertThat(unknown.has("cachedQuantity")).isFalse();
        assertThat(unknown.get("ledgerQuantity").asLong()).isEqualTo(4);
        assertThat(discrepancies.get(4).get("status").asText()).isEqualTo("suspended");
    }

    @Test
    void csvKeepsTheOrderSectionAndAddsOneForSubscriptions() throws IOException {
        List<String> lines = print(WITH_SUBSCRIPTIONS, OutputFormat.CSV).lines().toList();

        assertThat(lines.get(0)).isEqualTo("kind,customerId,orderId,alternateId,offerId,ledgerLines,ledgerRows,expected,actual,message");
        assertThat(lines.get(1)).startsWith("QUANTITY_MISMATCH," + CUSTOMER + ",o1,,");
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines.get(3)).isEqualTo(
                "kind,customerId,subscriptionId,offerId,status,cachedQuantity,ledgerQuantity,orderId,ledgerLines,ledgerRows,message");
        assertThat(lines.subList(4, 8)).containsExactly(
                "SEAT_COUNT_MISMATCH," + CUSTOMER + ",sub-seats," + OFFER.value() + ",active,10,9,o1,2 3,2,seats differ",
                "SUBSCRIPTION_NOT_BILLED," + CUSTOMER + ",sub-unbilled," + OFFER.value() + ",active,3,0,,,0,not billed",
                "BILLED_SUBSCRIPTION_NOT_ACTIVE," + CUSTOMER + ",sub-ghost," + OFFER.value() + ",,,4,o7,7,1,unknown",
                "BILLED_SUBSCRIPTION_NOT_ACTIVE," + CUSTOMER + ",sub-suspended," + OFFER.value() + ",suspended,2,2,o8,8,1,suspended");
    }

    @Test
    void theTableCountsTheNewKindsNotesWhomTheCheckLeftOutAndListsSubscriptionsApart() throws IOException {
        String table = print(WITH_SUBSCRIPTIONS, OutputFormat.TABLE);

        assertThat(table).contains("  QUANTITY_MISMATCH              1", "  SEAT_COUNT_MISMATCH            1",
                "  SUBSCRIPTION_NOT_BILLED        1", "  BILLED_SUBSCRIPTION_NOT_ACTIVE 2");
        assertThat(table).contains("Note: 1 customer(s) have no cached subscriptions (" + NOT_CACHED + ")",
                "names a subscription (" + NOT_IN_LEDGER + ")");
        String orders = table.substring(table.indexOf("KIND "), table.indexOf("Subscriptions (seats"));
        assertThat(orders).contains("QUANTITY_MISMATCH").doesNotContain("sub-");
        String subscriptions = table.substring(table.indexOf("Subscriptions (seats"));
        assertThat(subscriptions).contains("SUBSCRIPTION", "STATUS", "LEDGER SEATS", "PARTNER CENTER SEATS");
        assertThat(subscriptions.lines().filter(line -> line.startsWith("SEAT_COUNT_MISMATCH")).findFirst().orElseThrow())
                .contains("sub-seats", OFFER.value(), "active", "2 3").matches(".*\\s9\\s+10$");
        assertThat(subscriptions).contains("not in Partner Center");
    }

    @Test
    void aReportNoSubscriptionTookPartPrintsNothingOfSubscriptions() throws IOException {
        ReconciliationReport ordersOnly = report(SubscriptionCheck.NOT_IN_PLAY, QUANTITY);

        for (OutputFormat format : OutputFormat.values()) {
            String printed = print(ordersOnly, format);
            assertThat(printed).as("%s", format).doesNotContainIgnoringCase("subscription").doesNotContain("SEAT");
        }
        assertThat(print(ordersOnly, OutputFormat.TABLE)).contains("  QUANTITY_MISMATCH          1");
    }
}
