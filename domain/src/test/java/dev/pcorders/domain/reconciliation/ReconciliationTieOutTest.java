package dev.pcorders.domain.reconciliation;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Totals that tie out: every compared row and every cached line counted, the difference split by kind to the last decimal. */
class ReconciliationTieOutTest {

    private static final Amount TOLERANCE = Amount.parse("0.01");
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");

    /** {@code quantity} x OFFER at 2.50 USD. */
    private static Order order(String id, int quantity) {
        return anOrder(id).lineItems(List.of(aLineItem(0).quantity(quantity).build())).build();
    }

    private static LedgerRow row(long line, String reference, long quantity, String unitPrice, String currency) {
        return row(line, reference, quantity, unitPrice, currency, "New", Optional.empty());
    }

    private static LedgerRow row(long line, String reference, long quantity, String unitPrice, String currency, String chargeType,
                                 Optional<LocalDate> orderDate) {
        return new LedgerRow(line, CUSTOMER, reference, OFFER, quantity, Optional.ofNullable(unitPrice).map(Amount::parse),
                Optional.ofNullable(currency).map(CurrencyCode::of), Optional.empty(), Optional.of(chargeType), orderDate);
    }

    private static CurrencyTotals totalsOf(ReconciliationReport report, CurrencyCode currency) {
        return report.totals().stream().filter(t -> t.currency().equals(currency)).findFirst().orElseThrow();
    }

    @Test
    void everyKindExplainsItsPartAndTheToleratedCentsAreTheResidue() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        List.of(order("unbilled", 4), order("more", 5), order("dearer", 2), order("tolerated", 10), order("yen", 3),
                anOrder("cancelled").status(OrderStatus.CANCELLED).lineItems(List.of(aLineItem(0).quantity(1).build())).build())
                .forEach(reconciliation::addOrder);
        List.of(row(2, "more", 7, "2.50", "USD"),
                row(3, "dearer", 2, "3.00", "USD"),
                row(4, "tolerated", 10, "2.505", "USD"),
                row(5, "yen", 3, "300", "JPY"),
                row(6, "cancelled", 1, "2.50", "USD"),
                row(7, "nowhere", 2, "4.00", "USD"),
                row(8, "more", 1, "2.50", "USD", "Cancel", Optional.empty()))
                .forEach(reconciliation::addLedgerEntry);

        ReconciliationReport report = reconciliation.report();

        CurrencyTotals usd = totalsOf(report, USD);
        // 17.50 + 6.00 + 25.05 + 2.50 + 8.00; the Cancel row is not compared.
        assertThat(usd.ledger()).isEqualByComparingTo("59.05");
        // 10.00 + 12.50 + 5.00 + 25.00 + 7.50; the cancelled order owes nothing.
        assertThat(usd.partnerCenter()).isEqualByComparingTo("60.00");
        assertThat(usd.difference()).isEqualByComparingTo("-0.95");
        assertThat(usd.byKind()).satisfies(byKind -> {
            assertThat(byKind.get(DiscrepancyKind.MISSING_IN_LEDGER)).isEqualByComparingTo("-10.00");
            assertThat(byKind.get(DiscrepancyKind.QUANTITY_MISMATCH)).isEqualByComparingTo("5.00");
            assertThat(byKind.get(DiscrepancyKind.PRICE_MISMATCH)).isEqualByComparingTo("1.00");
            assertThat(byKind.get(DiscrepancyKind.CURRENCY_MISMATCH)).isEqualByComparingTo("-7.50");
            assertThat(byKind.get(DiscrepancyKind.BILLED_BUT_CANCELLED)).isEqualByComparingTo("2.50");
            assertThat(byKind.get(DiscrepancyKind.MISSING_IN_PARTNER_CENTER)).isEqualByComparingTo("8.00");
        });
        assertThat(usd.residue()).as("10 x 0.005 within the tolerance").isEqualByComparingTo("0.05");
        assertThat(usd.notCompared()).isEqualByComparingTo("2.50");

        CurrencyTotals yen = totalsOf(report, JPY);
        assertThat(yen.ledger()).isEqualByComparingTo("900");
        assertThat(yen.partnerCenter()).isZero();
        assertThat(yen.byKind().get(DiscrepancyKind.CURRENCY_MISMATCH)).isEqualByComparingTo("900");
        assertThat(yen.residue()).isZero();
    }

    @Test
    void eachCustomersAmountAtRiskAddsWhatItsDiscrepanciesExplainWithoutTheirSigns() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        List.of(order("unbilled", 4), order("more", 5), order("dearer", 2), order("tolerated", 10), order("yen", 3),
                order("fine", 1)).forEach(reconciliation::addOrder);
        List.of(row(2, "more", 7, "2.50", "USD"),
                row(3, "dearer", 2, "3.00", "USD"),
                row(4, "tolerated", 10, "2.505", "USD"),
                row(5, "yen", 3, "300", "JPY"),
                row(6, "fine", 1, "2.50", "USD"),
                new LedgerRow(7, OTHER_CUSTOMER, "elsewhere", OFFER, 3, Optional.of(Amount.parse("1.25")),
                        Optional.of(USD), Optional.empty(), Optional.of("New"), Optional.empty()))
                .forEach(reconciliation::addLedgerEntry);

        ReconciliationReport report = reconciliation.report();

        // |-10.00| missing in the ledger + 5.00 quantity + 1.00 price + |-7.50| currency; the tolerated cents are no one's.
        assertThat(report.atRiskByCustomer().get(CUSTOMER).get(USD)).isEqualByComparingTo("23.50");
        assertThat(report.atRiskByCustomer().get(CUSTOMER).get(JPY)).isEqualByComparingTo("900");
        assertThat(report.atRiskByCustomer().get(OTHER_CUSTOMER)).containsOnlyKeys(USD);
        assertThat(report.atRiskByCustomer().get(OTHER_CUSTOMER).get(USD)).isEqualByComparingTo("3.75");
        assertThat(report.atRiskByCustomer()).containsOnlyKeys(CUSTOMER, OTHER_CUSTOMER);
    }

    @Test
    void aLineOfSeveralUnitPricesGivesItsWholeDifferenceToItsFirstKind() {
        Pricing dearer = new Pricing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Amount.parse("4.00")),
                Optional.empty());
        // Two items of one offer: 2 at 2.50 and 1 at 4.00, 9.00 in all; billed 4 at 2.50 and 1 in JPY without a price.
        Order mixed = anOrder("mixed").lineItems(List.of(aLineItem(0).quantity(2).build(),
                aLineItem(1).quantity(1).pricing(dearer).build())).build();
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(mixed);
        reconciliation.addLedgerEntry(row(2, "mixed", 4, "2.50", "USD"));
        reconciliation.addLedgerEntry(row(3, "mixed", 1, null, "JPY"));

        ReconciliationReport report = reconciliation.report();

        assertThat(report.discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.QUANTITY_MISMATCH, DiscrepancyKind.CURRENCY_MISMATCH);
        CurrencyTotals usd = totalsOf(report, USD);
        assertThat(usd.difference()).isEqualByComparingTo("1.00");
        assertThat(usd.byKind().get(DiscrepancyKind.QUANTITY_MISMATCH)).isEqualByComparingTo("1.00");
        assertThat(usd.byKind().get(DiscrepancyKind.CURRENCY_MISMATCH)).isZero();
        assertThat(usd.residue()).isZero();
    }

    @Test
    void rowsWithoutAPriceLeaveTheirQuantityTimesTheOrdersPriceAsResidue() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(order("o1", 5));
        reconciliation.addLedgerEntry(row(2, "o1", 3, "2.50", "USD"));
        reconciliation.addLedgerEntry(row(3, "o1", 2, null, null));

        ReconciliationReport report = reconciliation.report();

        assertThat(report.isClean()).isTrue();
        CurrencyTotals usd = totalsOf(report, USD);
        assertThat(usd.difference()).isEqualByComparingTo("-5.00");
        assertThat(usd.residue()).isEqualByComparingTo("-5.00");
        assertThat(report.coverage().rowsWithoutAmount()).isEqualTo(1);
        assertThat(report.coverage().ledgerRowsRead()).isEqualTo(2);
    }

    @Test
    void aRowOfAnOrderNotCachedIsJudgedByItsOwnOrderDateWhenAWindowIsSet() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE, Optional.of(Instant.parse("2025-03-01T00:00:00Z")),
                Optional.of(Instant.parse("2025-04-01T00:00:00Z")));
        reconciliation.addLedgerEntry(row(2, "before", 1, "2.50", "USD", "New", Optional.of(LocalDate.of(2025, 2, 28))));
        reconciliation.addLedgerEntry(row(3, "after", 1, "2.50", "USD", "New", Optional.of(LocalDate.of(2025, 4, 1))));
        reconciliation.addLedgerEntry(row(4, "inside", 1, "2.50", "USD", "New", Optional.of(LocalDate.of(2025, 3, 31))));
        reconciliation.addLedgerEntry(row(5, "undated", 1, "2.50", "USD"));

        ReconciliationReport report = reconciliation.report();

        assertThat(report.rowsOutsideWindow()).isEqualTo(2);
        assertThat(report.discrepancies()).extracting(Discrepancy::orderReference).containsExactly("inside", "undated");
        assertThat(totalsOf(report, USD).outsideWindow()).isEqualByComparingTo("5.00");
        assertThat(totalsOf(report, USD).ledger()).isEqualByComparingTo("5.00");
    }

    @Test
    void aLineWhoseOnlyRowIsInErrorIsListedAsTheErrorNotAsMissingInTheLedger() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(order("o1", 5));
        reconciliation.addOrder(order("o2", 1));
        reconciliation.addLedgerEntry(new LedgerRowError(2, "Quantity", "must be a whole number, got 'five'",
                Optional.of(new LedgerRowKey(CUSTOMER, "o1", Optional.of(OFFER), Optional.of("New")))));
        reconciliation.addLedgerEntry(new LedgerRowError(3, "SkuId", "a value is required",
                Optional.of(new LedgerRowKey(CUSTOMER, "alt-o2", Optional.empty(), Optional.of("New")))));

        ReconciliationReport report = reconciliation.report();

        assertThat(report.rowsInError()).hasSize(2);
        assertThat(report.discrepancies()).isEmpty();
        // Nothing explains Partner Center's 15.00 that the unread rows may have billed: it is the residue, not hidden.
        assertThat(totalsOf(report, USD).residue()).isEqualByComparingTo("-15.00");
        assertThat(totalsOf(report, USD).byKind().values()).allSatisfy(amount -> assertThat(amount).isZero());
    }

    @Test
    void aRowInErrorOfAChargeTypeNotComparedLeavesTheLineMissing() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(order("o1", 5));
        reconciliation.addLedgerEntry(new LedgerRowError(2, "Quantity", "bad",
                Optional.of(new LedgerRowKey(CUSTOMER, "o1", Optional.of(OFFER), Optional.of("cycleCharge")))));

        assertThat(reconciliation.report().discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.MISSING_IN_LEDGER);
    }
}
