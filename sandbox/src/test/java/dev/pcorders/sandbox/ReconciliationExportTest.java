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
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The invoice reconciliation export against the orders the sandbox serves over HTTP: parsed by header name
 * and compared line by line, the only differences are the planted ones, and with none planted everything
 * matches. The comparison below is this test's own reading of partner-center-api.md, kept small on purpose;
 * it shares nothing with the client or the domain's reconciler, so it checks the export, not them. The partner ledger
 * is held to the same comparison, read by the project's own ledger reader (so {@code reconcile} can read it too).
 */
class ReconciliationExportTest {

    private static final Set<String> PURCHASES = Set.of("new", "renew", "addquantity", "convert");
    private static final String CANCEL = "cancel";
    private static final String CYCLE_CHARGE = "cyclecharge";

    private static SandboxServer sandbox;

    @TempDir
    Path folder;

    /** A served line item: what the export should bill for it. */
    private record Line(String customerId, String orderId, String offerId, int quantity, BigDecimal price,
                        String currency, String status) {
        boolean cancelled() {
            return "cancelled".equals(status);
        }
    }

    /** A row of the export, as read by header name. */
    private record Row(long line, String customerId, String orderReference, String offerId, String chargeType,
                       int quantity, String unitPrice, String currency) {
    }

    /** The served orders of every customer, indexed by (customer, order id or alternateId, offer). */
    private static final class Served {
        final Map<String, Line> byReference = new HashMap<>();
        final List<Line> lines = new ArrayList<>();

        void add(JsonNode order) {
            String customer = order.get("referenceCustomerId").asText();
            String id = order.get("id").asText();
            for (JsonNode item : order.get("lineItems")) {
                Line line = new Line(customer, id, item.get("offerId").asText(), item.get("quantity").asInt(),
                        item.at("/pricing/price").decimalValue(), order.get("currencyCode").asText(),
                        order.get("status").asText());
                lines.add(line);
                index(key(customer, id, line.offerId()), line);
                if (order.hasNonNull("alternateId")) {
                    index(key(customer, order.get("alternateId").asText(), line.offerId()), line);
                }
            }
        }

        private void index(String key, Line line) {
            Line earlier = byReference.putIfAbsent(key, line);
            // One line per (order, offer) is what makes a row name exactly one line item.
            assertThat(earlier).as("two served lines answer to %s", key).isNull();
        }

        Optional<Line> find(Row row) {
            return Optional.ofNullable(byReference.get(key(row.customerId(), row.orderReference(), row.offerId())));
        }
    }

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxSettings.defaults().withSeed(5).withCustomers(3).withOrdersPerCustomer(150));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String key(String customer, String orderReference, String offerId) {
        return customer.toLowerCase(Locale.ROOT) + "|" + orderReference + "|" + offerId.toUpperCase(Locale.ROOT);
    }

    private static Served served(boolean includeSystemPurchases) {
        Served served = new Served();
        for (String customer : sandbox.customerIds()) {
            HttpResponse<byte[]> response = Http.getOrders(sandbox, customer,
                    "include_price=true" + (includeSystemPurchases ? "&include_system_purchases=true" : ""));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = Http.json(response);
            assertThat(body.at("/links/next").isMissingNode()).isTrue();
            body.get("items").forEach(served::add);
        }
        return served;
    }

    private static List<Row> rows(byte[] csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofNamedCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            for (NamedCsvRecord record : reader) {
                rows.add(new Row(record.getStartingLineNumber(), record.getField("CustomerId"),
                        record.getField("OrderId"),
                        record.getField("ProductId") + ":" + record.getField("SkuId") + ":"
                                + record.getField("AvailabilityId"),
                        record.getField("ChargeType"), Integer.parseInt(record.getField("Quantity")),
                        record.getField("UnitPrice"), record.getField("Currency")));
            }
        }
        return rows;
    }

    /**
     * Every difference between the export and the served orders, in the shape of a planted discrepancy.
     * Purchase rows bill a line and are compared with it; Cancel rows credit a cancelled order and
     * cycleCharge rows repeat a live monthly line's charge, so they only have to name the right kind of
     * line. Any other disagreement is reported under a kind no plan plants ({@code null}), so it fails.
     */
    private static List<PlantedDiscrepancy> differences(Served served, List<Row> rows) {
        List<PlantedDiscrepancy> found = new ArrayList<>();
        Map<Line, List<Row>> billed = new LinkedHashMap<>();
        Map<String, List<Row>> unknown = new LinkedHashMap<>();
        for (Row row : rows) {
            String chargeType = row.chargeType().toLowerCase(Locale.ROOT);
            Optional<Line> line = served.find(row);
            if (PURCHASES.contains(chargeType)) {
                if (line.isPresent()) {
                    billed.computeIfAbsent(line.get(), any -> new ArrayList<>()).add(row);
                } else {
                    unknown.computeIfAbsent(key(row.customerId(), row.orderReference(), row.offerId()),
                            any -> new ArrayList<>()).add(row);
                }
            } else if (chargeType.equals(CANCEL) || chargeType.equals(CYCLE_CHARGE)) {
                boolean fits = line.isPresent() && line.get().cancelled() == chargeType.equals(CANCEL);
                if (!fits) {
                    found.add(unexpected(row, row.chargeType() + " row for " + line.map(Line::status).orElse("no line")));
                }
            } else {
                found.add(unexpected(row, "charge type " + row.chargeType()));
            }
        }
        for (Line line : served.lines) {
            List<Row> bills = billed.getOrDefault(line, List.of());
            if (bills.isEmpty()) {
                if (!line.cancelled()) {
                    found.add(new PlantedDiscrepancy(DiscrepancyKind.MISSING_IN_LEDGER, line.customerId(), line.orderId(),
                            Optional.of(line.orderId()), line.offerId(), Optional.empty(), Optional.empty(),
                            Optional.of(Integer.toString(line.quantity()))));
                }
                continue;
            }
            Row first = bills.get(0);
            if (line.cancelled()) {
                found.add(matched(DiscrepancyKind.BILLED_BUT_CANCELLED, line, first, "billed", line.status()));
                continue;
            }
            int quantity = bills.stream().mapToInt(Row::quantity).sum();
            if (quantity != line.quantity()) {
                found.add(matched(DiscrepancyKind.QUANTITY_MISMATCH, line, first, Integer.toString(quantity),
                        Integer.toString(line.quantity())));
            }
            for (Row bill : bills) {
                if (new BigDecimal(bill.unitPrice()).compareTo(line.price()) != 0) {
                    found.add(matched(DiscrepancyKind.PRICE_MISMATCH, line, bill, bill.unitPrice(),
                            line.price().toPlainString()));
                }
                if (!bill.currency().equals(line.currency())) {
                    found.add(matched(DiscrepancyKind.CURRENCY_MISMATCH, line, bill, bill.currency(), line.currency()));
                }
            }
        }
        unknown.values().forEach(bills -> found.add(new PlantedDiscrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER,
                bills.get(0).customerId(), bills.get(0).orderReference(), Optional.empty(), bills.get(0).offerId(),
                Optional.of(bills.get(0).line()),
                Optional.of(Integer.toString(bills.stream().mapToInt(Row::quantity).sum())), Optional.empty())));
        return found;
    }

    private static PlantedDiscrepancy matched(DiscrepancyKind kind, Line line, Row row, String expected, String actual) {
        return new PlantedDiscrepancy(kind, line.customerId(), row.orderReference(), Optional.of(line.orderId()),
                line.offerId(), Optional.of(row.line()), Optional.of(expected), Optional.of(actual));
    }

    /** A disagreement no plan plants: reported with a kind of its own so no planted one can absorb it. */
    private static PlantedDiscrepancy unexpected(Row row, String what) {
        return new PlantedDiscrepancy(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, row.customerId(),
                "UNEXPECTED " + what + ": " + row.orderReference(), Optional.empty(), row.offerId(),
                Optional.of(row.line()), Optional.empty(), Optional.empty());
    }

    /** What identifies a discrepancy, leaving out the values and file line. */
    private static Set<String> kindsAndKeys(List<PlantedDiscrepancy> discrepancies) {
        return discrepancies.stream()
                .map(d -> d.kind() + " " + d.customerId() + " " + d.orderId().orElse(d.orderReference()) + " " + d.offerId())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @ParameterizedTest(name = "{0} of each kind, system purchases {1}")
    @CsvSource({"0,true", "1,true", "4,true", "0,false", "3,false"})
    void theExportDiffersFromTheServedOrdersInExactlyThePlantedDiscrepancies(int perKind, boolean includeSystemPurchases)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationExport export = sandbox.data().writeReconciliationCsv(out,
                ReconciliationPlan.of(perKind, includeSystemPurchases));
        byte[] csv = out.toByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);

        List<Row> rows = rows(csv);
        assertThat(rows).hasSize((int) export.dataRows());
        Map<String, Long> rowsByChargeType = rows.stream()
                .collect(Collectors.groupingBy(Row::chargeType, TreeMap::new, Collectors.counting()));
        assertThat(rowsByChargeType).isEqualTo(new TreeMap<>(export.rowsByChargeType()));
        assertThat(export.plantedCounts()).allSatisfy((kind, count) -> assertThat(count).as("%s", kind)
                .isEqualTo(perKind));

        List<PlantedDiscrepancy> found = differences(served(includeSystemPurchases), rows);
        assertThat(found).doesNotHaveDuplicates();
        assertThat(kindsAndKeys(found)).isEqualTo(kindsAndKeys(export.planted()));
        // And the values and file lines the export says it planted are the ones there.
        assertThat(found).containsExactlyInAnyOrderElementsOf(export.planted());
        if (perKind == 0) {
            assertThat(found).isEmpty();
            assertThat(rows).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "system purchases {0}")
    @CsvSource({"true", "false"})
    void systemPurchasesAreBilledOnlyWhenThePlanIncludesThem(boolean includeSystemPurchases) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sandbox.data().writeReconciliationCsv(out, ReconciliationPlan.of(0, includeSystemPurchases));
        // A cache filled with the other setting sees every system purchase line as a difference.
        List<PlantedDiscrepancy> mismatched = differences(served(!includeSystemPurchases), rows(out.toByteArray()));
        assertThat(mismatched).isNotEmpty().extracting(PlantedDiscrepancy::kind).containsOnly(
                includeSystemPurchases ? DiscrepancyKind.MISSING_IN_PARTNER_CENTER : DiscrepancyKind.MISSING_IN_LEDGER);
    }

    /** The partner ledger's rows in the shape of the export's: its rows have no charge type, they are all purchases. */
    private static List<Row> partnerRows(List<LedgerRow> read) {
        return read.stream().map(row -> new Row(row.line(), row.customer().toString(), row.orderReference(),
                row.offerId().toString(), row.chargeType().orElse("New"), Math.toIntExact(row.quantity()),
                row.unitPrice().orElseThrow().toString(), row.currency().orElseThrow().toString())).toList();
    }

    @ParameterizedTest(name = "{0} of each kind, system purchases {1}")
    @CsvSource({"0,true", "1,true", "4,true", "3,false"})
    void thePartnerLedgerDiffersFromTheServedOrdersInExactlyThePlantedDiscrepancies(int perKind,
                                                                                   boolean includeSystemPurchases)
            throws IOException {
        Path file = folder.resolve("partner-ledger.csv");
        ReconciliationExport export = sandbox.data().writePartnerLedgerCsv(file,
                ReconciliationPlan.of(perKind, includeSystemPurchases));

        List<LedgerRow> read = PartnerLedgerFile.rows(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFF" + String.join(",",
                PartnerLedgerRows.COLUMNS) + "\r\n");
        assertThat(read).hasSize((int) export.dataRows());
        assertThat(read).allSatisfy(row -> {
            assertThat(row.chargeType()).isEmpty();
            // Without the planted subscription cases the ledger names no subscription: see writePartnerLedgerCsv.
            assertThat(row.subscriptionId()).isEmpty();
        });
        assertThat(export.rowsByChargeType()).isEmpty();
        assertThat(export.plantedSubscriptions()).isEmpty();
        assertThat(export.plantedCounts()).allSatisfy((kind, count) -> assertThat(count).as("%s", kind)
                .isEqualTo(perKind));

        List<PlantedDiscrepancy> found = differences(served(includeSystemPurchases), partnerRows(read));
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(export.planted());
    }

    @Test
    void aPartnerLedgerWithSubscriptionCasesPlantsOrderDiscrepanciesOnlyOnLinesWithoutASubscription() throws IOException {
        Path file = folder.resolve("partner-ledger.csv");
        ReconciliationExport export = sandbox.data().writePartnerLedgerCsv(file,
                ReconciliationPlan.of(2, true).withSubscriptionCases(true));
        List<Row> rows = partnerRows(PartnerLedgerFile.rows(file));

        List<PlantedDiscrepancy> found = differences(served(true), rows);
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(export.planted());
        PlantedSubscription notBilled = sandbox.plantedSubscriptions().notBilled().orElseThrow();
        // The not-billed subscription's line is the one MISSING_IN_LEDGER beyond the plan's own.
        assertThat(export.planted(DiscrepancyKind.MISSING_IN_LEDGER)).hasSize(3).filteredOn(missing ->
                missing.orderId().equals(Optional.of(notBilled.orderId())) && missing.offerId().equals(notBilled.offerId()))
                .hasSize(1);
        Set<String> withSubscription = new java.util.HashSet<>();
        for (String customer : sandbox.customerIds()) {
            JsonNode orders = Http.json(Http.getOrders(sandbox, customer, "include_system_purchases=true"));
            for (JsonNode order : orders.get("items")) {
                for (JsonNode item : order.get("lineItems")) {
                    if (item.hasNonNull("subscriptionId")) {
                        withSubscription.add(key(customer, order.get("id").asText(), item.get("offerId").asText()));
                    }
                }
            }
        }
        assertThat(export.planted()).filteredOn(planted -> planted.kind() != DiscrepancyKind.MISSING_IN_PARTNER_CENTER
                        && !(planted.orderId().equals(Optional.of(notBilled.orderId()))
                                && planted.offerId().equals(notBilled.offerId())))
                .isNotEmpty()
                .allSatisfy(planted -> assertThat(withSubscription)
                        .doesNotContain(key(planted.customerId(), planted.orderId().orElseThrow(), planted.offerId())));
    }
}
