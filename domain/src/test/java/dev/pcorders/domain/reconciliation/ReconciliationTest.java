package dev.pcorders.domain.reconciliation;

import static dev.pcorders.domain.order.TestOrders.CREATED;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_OFFER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReconciliationTest {

    private static final Amount TOLERANCE = Amount.parse("0.01");
    /** OFFER's product and availability with another SKU: a third offer. */
    private static final OfferId SKU_OFFER = OfferId.parse("CFQ7TTC0LH18:0002:CFQ7TTC0K5BF");

    /** An order of {@code quantity} x {@link dev.pcorders.domain.order.TestOrders#OFFER} at 2.50 USD. */
    private static Order order(String id, int quantity) {
        return anOrder(id).lineItems(List.of(aLineItem(0).quantity(quantity).build())).build();
    }

    private static LedgerRow row(long line, String reference, OfferId offer, long quantity, String unitPrice, String currency) {
        return new LedgerRow(line, CUSTOMER, reference, offer, quantity, Optional.ofNullable(unitPrice).map(Amount::parse),
                Optional.ofNullable(currency).map(CurrencyCode::of), Optional.empty(), Optional.of("New"), Optional.empty());
    }

    private static ReconciliationReport reconcile(List<Order> orders, LedgerEntry... ledger) {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        orders.forEach(reconciliation::addOrder);
        for (LedgerEntry entry : ledger) {
            reconciliation.addLedgerEntry(entry);
        }
        return reconciliation.report();
    }

    @Test
    void aLedgerThatAgreesIsClean() {
        ReconciliationReport report = reconcile(List.of(order("o1", 5)), row(2, "o1", OFFER, 5, "2.50", "USD"));
        assertThat(report.isClean()).isTrue();
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.totals()).singleElement().satisfies(totals -> {
            assertThat(totals.currency()).isEqualTo(CurrencyCode.of("USD"));
            assertThat(totals.ledger()).isEqualByComparingTo("12.5");
            assertThat(totals.partnerCenter()).isEqualByComparingTo("12.50");
            assertThat(totals.difference()).isZero();
            assertThat(totals.residue()).isZero();
        });
    }

    @Test
    void retainingTheLedgersCustomersGivesTheReportOfAddingOnlyTheirOrders() {
        Order theirs = anOrder("t1").referenceCustomerId(OTHER_CUSTOMER).lineItems(List.of(aLineItem(0).quantity(4).build())).build();
        LedgerEntry[] ledger = {row(2, "o1", OFFER, 5, "2.50", "USD"), row(3, "ghost", OFFER, 1, "2.50", "USD")};
        Reconciliation everyCustomer = new Reconciliation(TOLERANCE);
        everyCustomer.addOrder(order("o1", 5));
        everyCustomer.addOrder(theirs);
        everyCustomer.addOrder(order("o2", 3));
        for (LedgerEntry entry : ledger) {
            everyCustomer.addLedgerEntry(entry);
        }
        everyCustomer.retainCustomers(Set.of(CUSTOMER));

        ReconciliationReport retained = everyCustomer.report();

        assertThat(retained).isEqualTo(reconcile(List.of(order("o1", 5), order("o2", 3)), ledger));
        assertThat(retained.discrepancies()).extracting(Discrepancy::customer).containsOnly(CUSTOMER);
        assertThat(retained.totals()).singleElement().satisfies(totals ->
                assertThat(totals.partnerCenter()).as("the other customer's order is not on Partner Center's side")
                        .isEqualByComparingTo("20.00"));
    }

    @Test
    void anOrderNeverBilledIsMissingInTheLedger() {
        ReconciliationReport report = reconcile(List.of(order("o1", 5), order("o2", 3)), row(2, "o1", OFFER, 5, null, null));
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_LEDGER);
            assertThat(d.orderId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("o2"));
            assertThat(d.alternateId()).contains("alt-o2");
            assertThat(d.actual()).contains("3");
            assertThat(d.ledgerLines()).isEmpty();
        });
    }

    @Test
    void aCancelledOrderNeverBilledIsFineButBilledItIsADiscrepancy() {
        Order cancelled = anOrder("c1").status(OrderStatus.CANCELLED).build();
        assertThat(reconcile(List.of(cancelled)).isClean()).isTrue();

        ReconciliationReport billed = reconcile(List.of(cancelled), row(7, "c1", OFFER, 5, "2.50", "USD"));
        assertThat(billed.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.BILLED_BUT_CANCELLED);
            assertThat(d.ledgerLines()).containsExactly(7L);
            assertThat(d.actual()).contains("cancelled");
        });
    }

    @Test
    void aRowWithoutACachedOrderIsMissingInPartnerCenterAndDuplicatesAreSummed() {
        ReconciliationReport report = reconcile(List.of(order("o1", 5)),
                row(2, "o1", OFFER, 5, null, null),
                row(3, "ghost", OFFER, 2, null, null),
                row(4, "ghost", OFFER, 1, null, null),
                row(5, "o1", OTHER_OFFER, 1, null, null));
        assertThat(report.countsByKind()).containsEntry(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, 2L);
        assertThat(report.discrepancies()).filteredOn(d -> d.orderReference().equals("ghost")).singleElement()
                .satisfies(d -> {
                    assertThat(d.ledgerLines()).containsExactly(3L, 4L);
                    assertThat(d.ledgerRows()).isEqualTo(2);
                    assertThat(d.expected()).contains("3");
                    assertThat(d.orderId()).isEmpty();
                });
    }

    @Test
    void quantitiesAreSummedOnBothSidesBeforeComparing() {
        Order twoItemsSameOffer = anOrder("o1").lineItems(List.of(aLineItem(0).quantity(2).build(),
                aLineItem(1).quantity(3).build())).build();
        assertThat(reconcile(List.of(twoItemsSameOffer), row(2, "o1", OFFER, 4, null, null), row(3, "o1", OFFER, 1, null, null))
                .isClean()).isTrue();

        ReconciliationReport short1 = reconcile(List.of(twoItemsSameOffer), row(2, "o1", OFFER, 4, null, null));
        assertThat(short1.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.QUANTITY_MISMATCH);
            assertThat(d.expected()).contains("4");
            assertThat(d.actual()).contains("5");
        });
    }

    @Test
    void theAlternateIdMatchesAsWellAsTheIdAndOffersIgnoreCase() {
        OfferId lowerCase = OfferId.parse(OFFER.value().toLowerCase());
        ReconciliationReport report = reconcile(List.of(order("o1", 5)), row(2, "alt-o1", lowerCase, 5, "2.50", "USD"));
        assertThat(report.isClean()).isTrue();
        assertThat(report.matched()).isEqualTo(1);
    }

    @Test
    void pricesWithinTheToleranceAgreeAndOutsideDoNot() {
        assertThat(reconcile(List.of(order("o1", 5)), row(2, "o1", OFFER, 5, "2.51", "USD")).isClean()).isTrue();
        assertThat(reconcile(List.of(order("o1", 5)), row(2, "o1", OFFER, 5, "2.4900", "USD")).isClean()).isTrue();

        ReconciliationReport report = reconcile(List.of(order("o1", 5)), row(2, "o1", OFFER, 5, "2.52", "USD"));
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.PRICE_MISMATCH);
            assertThat(d.expected()).contains("2.52");
            assertThat(d.actual()).contains("2.50");
        });
    }

    @Test
    void pricesAreComparedOnlyWhenTheCachedOrderHasThem() {
        Order unpriced = anOrder("o1").totalPrice(null).lineItems(List.of(aLineItem(0).pricing(null).build())).build();
        ReconciliationReport report = reconcile(List.of(unpriced), row(2, "o1", OFFER, 5, "99.00", "USD"));
        assertThat(report.isClean()).isTrue();
        // The ledger's amount still counts; Partner Center's is unknown, so the difference is left as residue.
        assertThat(report.totals()).singleElement().satisfies(totals -> {
            assertThat(totals.ledger()).isEqualByComparingTo("495");
            assertThat(totals.partnerCenter()).isZero();
            assertThat(totals.residue()).isEqualByComparingTo("495");
        });
        assertThat(report.coverage().cachedLinesWithoutAmount()).isEqualTo(1);
    }

    @Test
    void theUnitPriceFallsBackToDiscountedThenListPrice() {
        Order listOnly = anOrder("o1").lineItems(List.of(aLineItem(0).pricing(new Pricing(Optional.of(Amount.parse("3.00")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).build())).build();
        assertThat(reconcile(List.of(listOnly), row(2, "o1", OFFER, 5, "3", "USD")).isClean()).isTrue();
        assertThat(reconcile(List.of(listOnly), row(2, "o1", OFFER, 5, "2.50", "USD")).countsByKind())
                .containsEntry(DiscrepancyKind.PRICE_MISMATCH, 1L);
    }

    @Test
    void aDifferentCurrencyIsACurrencyMismatch() {
        ReconciliationReport report = reconcile(List.of(order("o1", 5)), row(2, "o1", OFFER, 5, null, "eur"));
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.CURRENCY_MISMATCH);
            assertThat(d.expected()).contains("EUR");
            assertThat(d.actual()).contains("USD");
        });
    }

    @Test
    void chargeTypesThatAreNotPurchasesAreCountedNotCompared() {
        LedgerRow refund = new LedgerRow(3, CUSTOMER, "o1", OFFER, -5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Refund"), Optional.empty());
        LedgerRow cycle = new LedgerRow(4, CUSTOMER, "o1", OFFER, 5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("cycleCharge"), Optional.empty());
        LedgerRow renew = new LedgerRow(5, CUSTOMER, "o1", OFFER, 5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("RENEW"), Optional.empty());
        ReconciliationReport report = reconcile(List.of(order("o1", 5)), refund, cycle, renew);
        assertThat(report.notComparedByChargeType()).containsOnly(
                org.assertj.core.api.Assertions.entry("Refund", 1L), org.assertj.core.api.Assertions.entry("cycleCharge", 1L));
        assertThat(report.notCompared()).isEqualTo(2);
        assertThat(report.isClean()).isTrue();
    }

    @Test
    void aChargeTypeSpelledInTwoCasesIsCountedOnce() {
        LedgerRow cancel = new LedgerRow(3, CUSTOMER, "o1", OFFER, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Cancel"), Optional.empty());
        LedgerRow lowerCancel = new LedgerRow(4, CUSTOMER, "o1", OFFER, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("cancel"), Optional.empty());
        ReconciliationReport report = reconcile(List.of(order("o1", 5)), cancel, lowerCancel);
        assertThat(report.notComparedByChargeType()).containsOnly(org.assertj.core.api.Assertions.entry("Cancel", 2L));
    }

    @Test
    void rowsInErrorAreListed() {
        ReconciliationReport report = reconcile(List.of(), new LedgerRowError(9, "Quantity", "not a whole number: 'x'"));
        assertThat(report.rowsInError()).containsExactly(new LedgerRowError(9, "Quantity", "not a whole number: 'x'"));
    }

    @Test
    void discrepanciesComeInAStableOrder() {
        ReconciliationReport report = reconcile(List.of(order("b", 1), order("a", 1)),
                row(2, "zz", OFFER, 1, null, null), row(3, "b", OFFER, 2, null, null));
        assertThat(report.discrepancies()).extracting(d -> d.orderReference() + " " + d.kind())
                .containsExactly("a MISSING_IN_LEDGER", "b QUANTITY_MISMATCH", "zz MISSING_IN_PARTNER_CENTER");
    }

    @Test
    void aKeyBilledInManyRowsNamesTheFirstLinesAndCountsAllRows() {
        int rows = Reconciliation.LEDGER_LINES_KEPT + 3;
        LedgerEntry[] ledger = new LedgerEntry[2 * rows];
        for (int i = 0; i < rows; i++) {
            ledger[2 * i] = row(10 + 2 * i, "o1", OFFER, 1, null, null);
            ledger[2 * i + 1] = row(11 + 2 * i, "ghost", OFFER, 2, null, null);
        }
        ReconciliationReport report = reconcile(List.of(order("o1", rows + 1)), ledger);

        assertThat(report.discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, DiscrepancyKind.QUANTITY_MISMATCH);
        Discrepancy ghost = report.discrepancies().get(0);
        Discrepancy shortBilled = report.discrepancies().get(1);
        // Every row counts in the sums; only the first rows are named, and the rest are counted, not lost.
        assertThat(shortBilled.expected()).contains(Integer.toString(rows));
        assertThat(shortBilled.ledgerLines()).hasSize(Reconciliation.LEDGER_LINES_KEPT).startsWith(10L, 12L)
                .endsWith(10L + 2 * (Reconciliation.LEDGER_LINES_KEPT - 1)).isSorted();
        assertThat(shortBilled.ledgerRows()).isEqualTo(rows);
        assertThat(shortBilled.omittedLedgerLines()).isEqualTo(3);
        assertThat(ghost.expected()).contains(Integer.toString(2 * rows));
        assertThat(ghost.ledgerLines()).hasSize(Reconciliation.LEDGER_LINES_KEPT).startsWith(11L, 13L);
        assertThat(ghost.ledgerRows()).isEqualTo(rows);
    }

    @Test
    void aDiscrepancyCannotClaimFewerRowsThanTheLinesItNames() {
        assertThatThrownBy(() -> new Discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, CUSTOMER, "o1", Optional.empty(),
                Optional.empty(), OFFER, List.of(2L, 3L), 1, Optional.empty(), Optional.empty(), "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discrepancy(DiscrepancyKind.QUANTITY_MISMATCH, CUSTOMER, "o1", Optional.empty(),
                Optional.empty(), OFFER, List.of(), 4, Optional.empty(), Optional.empty(), "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDistinctOutlyingPriceAndForeignCurrencyIsReportedOnceInTheOrderSeen() {
        ReconciliationReport report = reconcile(List.of(order("o1", 4)),
                row(2, "o1", OFFER, 1, "2.50", "USD"),
                row(3, "o1", OFFER, 1, "4.00", "GBP"),
                row(4, "o1", OFFER, 1, "3.0", "EUR"),
                row(5, "o1", OFFER, 1, "4", "GBP"));
        assertThat(report.discrepancies()).extracting(Discrepancy::kind, Discrepancy::expected, Discrepancy::actual)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(DiscrepancyKind.PRICE_MISMATCH, Optional.of("4.00, 3.0"),
                                Optional.of("2.50")),
                        org.assertj.core.api.Assertions.tuple(DiscrepancyKind.CURRENCY_MISMATCH, Optional.of("GBP, EUR"),
                                Optional.of("USD")));
    }

    @Test
    void totalsAddUpEveryPricedRowAndTheReportCanBeAskedForTwice() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(order("o1", 5));
        reconciliation.addLedgerEntry(row(2, "o1", OFFER, 2, "2.50", "USD"));
        reconciliation.addLedgerEntry(row(3, "o1", OFFER, 3, "2.50", null));
        reconciliation.addLedgerEntry(row(4, "o1", OFFER, 1, "2.50", "EUR"));

        // USD: 6 billed of 5 ordered (+2.50, the quantity's), 1 of them in EUR (-2.50 in USD, +2.50 in EUR, the currency's).
        List<CurrencyTotals> expected = List.of(
                new CurrencyTotals(CurrencyCode.of("EUR"), new BigDecimal("2.50"), BigDecimal.ZERO,
                        Map.of(DiscrepancyKind.CURRENCY_MISMATCH, new BigDecimal("2.50")), BigDecimal.ZERO, BigDecimal.ZERO),
                new CurrencyTotals(CurrencyCode.of("USD"), new BigDecimal("12.50"), new BigDecimal("12.50"),
                        Map.of(DiscrepancyKind.QUANTITY_MISMATCH, new BigDecimal("2.50"),
                                DiscrepancyKind.CURRENCY_MISMATCH, new BigDecimal("-2.50")), BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(reconciliation.report().totals()).isEqualTo(expected);
        assertThat(reconciliation.report().totals()).isEqualTo(expected);
        assertThat(expected).allSatisfy(totals -> assertThat(totals.residue()).isZero());
    }

    @Test
    void lineNumbersBeyondWhatAnIntHoldsAreKeptExactly() {
        long far = Integer.MAX_VALUE + 10L;
        ReconciliationReport report = reconcile(List.of(order("o1", 1)), row(2, "o1", OFFER, 1, null, null),
                row(far, "o1", OFFER, 1, null, null), row(far + 1, "o1", OFFER, 1, null, null));

        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.QUANTITY_MISMATCH);
            assertThat(d.ledgerLines()).containsExactly(2L, far, far + 1);
        });
    }

    @ParameterizedTest(name = "older added first: {0}")
    @ValueSource(booleans = {true, false})
    void aReferenceSharedByTwoOrdersGoesToTheOlderForTheOffersItHas(boolean olderFirst) {
        // The older order's alternate id is the newer order's id: each keeps matching its own offers, whatever order the
        // cache hands them over in. The older one's id sorts after the newer one's, so only the date can decide.
        Order older = anOrder("o9").creationDate(CREATED).alternateId("o2")
                .lineItems(List.of(aLineItem(0).quantity(1).build())).build();
        Order newer = anOrder("o2").creationDate(CREATED.plusSeconds(60))
                .lineItems(List.of(aLineItem(0).quantity(2).build(), aLineItem(1).offerId(OTHER_OFFER).quantity(3).build()))
                .build();
        ReconciliationReport report = reconcile(olderFirst ? List.of(older, newer) : List.of(newer, older),
                row(2, "o2", OFFER, 1, null, null),
                row(3, "o2", OTHER_OFFER, 3, null, null));

        assertThat(report.matched()).isEqualTo(2);
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_LEDGER);
            assertThat(d.orderId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("o2"));
            assertThat(d.offerId()).isEqualTo(OFFER);
        });
    }

    @ParameterizedTest(name = "added in order {0}")
    @ValueSource(strings = {"abc", "acb", "bac", "bca", "cab", "cba"})
    void ordersSharingAReferenceAreTriedOldestFirstWhateverTheOrderTheyWereAddedIn(String additionOrder) {
        // Three orders answer to "r": a (oldest) by its alternate id, b and c by id and alternate id; only c has OTHER_OFFER
        // and only b and c have SKU_OFFER, so a row of SKU_OFFER must land on b, the older of the two.
        Map<Character, Order> orders = Map.of(
                'a', anOrder("a").creationDate(CREATED).alternateId("r")
                        .lineItems(List.of(aLineItem(0).quantity(1).build())).build(),
                'b', anOrder("r").creationDate(CREATED.plusSeconds(1))
                        .lineItems(List.of(aLineItem(0).offerId(SKU_OFFER).quantity(2).build())).build(),
                'c', anOrder("c").creationDate(CREATED.plusSeconds(2)).alternateId("r")
                        .lineItems(List.of(aLineItem(0).offerId(SKU_OFFER).quantity(5).build(),
                                aLineItem(1).offerId(OTHER_OFFER).quantity(3).build())).build());
        List<Order> added = additionOrder.chars().mapToObj(c -> orders.get((char) c)).toList();

        ReconciliationReport report = reconcile(added, row(2, "r", OFFER, 1, null, null), row(3, "r", SKU_OFFER, 2, null, null),
                row(4, "r", OTHER_OFFER, 3, null, null));

        assertThat(report.matched()).isEqualTo(3);
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_LEDGER);
            assertThat(d.orderId()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("c"));
            assertThat(d.offerId()).isEqualTo(SKU_OFFER);
        });
    }

    @Test
    void ordersCannotBeAddedOnceTheLedgerIsRead() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addLedgerEntry(row(2, "o1", OFFER, 1, null, null));
        assertThatThrownBy(() -> reconciliation.addOrder(order("o1", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reconciliation.addOrderOutsideWindow(order("o1", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOfferBilledOnAnExistingOrderNamedByItsAlternateIdIsMissingWithBothIdsOfThatOrder() {
        Order cached = anOrder("o1").alternateId("alt-1").lineItems(List.of(aLineItem(0).quantity(1).build())).build();

        ReconciliationReport report = reconcile(List.of(cached), row(2, "alt-1", OFFER, 1, null, null),
                row(3, "alt-1", OTHER_OFFER, 4, null, null), row(4, "nowhere", OTHER_OFFER, 1, null, null));

        assertThat(report.discrepancies()).extracting(Discrepancy::kind, Discrepancy::orderReference,
                        d -> d.orderId().map(OrderId::value), Discrepancy::alternateId)
                .containsExactly(
                        tuple(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, "nowhere", Optional.empty(), Optional.empty()),
                        tuple(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, "alt-1", Optional.of("o1"), Optional.of("alt-1")));
        assertThat(report.discrepancies().get(1).message()).contains("no line item of this offer");
    }

    @Test
    void anOrderOutsideTheWindowNeitherTakesPartNorMakesItsRowsMissingInPartnerCenter() {
        Reconciliation reconciliation = new Reconciliation(TOLERANCE);
        reconciliation.addOrder(order("inside", 1));
        reconciliation.addOrderOutsideWindow(order("outside", 7));
        reconciliation.addLedgerEntry(row(2, "inside", OFFER, 1, null, null));
        reconciliation.addLedgerEntry(row(3, "outside", OFFER, 2, null, null));
        reconciliation.addLedgerEntry(row(4, "outside", OTHER_OFFER, 1, null, null));

        ReconciliationReport report = reconciliation.report();

        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.rowsOutsideWindow()).isEqualTo(2);
        assertThat(report.isClean()).as("no MISSING_IN_LEDGER for the unbilled quantity of an order outside the window").isTrue();
    }
}
