package dev.pcorders.adapter.persistence.ledger;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.service.ReconcileOrdersService;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.LedgerRowKey;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger file through {@link CsvLedgerSource} into the real reconciliation service, against cached orders. */
class LedgerReconciliationEndToEndTest {

    private static final String OFFER = "CFQ7TTC0LH18:0001:CFQ7TTC0K5BF";

    private final InMemoryOrderCache repository = new InMemoryOrderCache();
    private final ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, new CsvLedgerSource());

    @TempDir
    Path folder;

    /** Every order: 5 x OFFER at 2.50 USD, alternate id "alt-" + id. */
    @BeforeEach
    void cacheOrders() {
        cache(CUSTOMER,
                anOrder("ord-ok").build(),
                anOrder("ord-by-alternate").build(),
                anOrder("ord-quantity").build(),
                anOrder("ord-price").build(),
                anOrder("ord-currency").build(),
                anOrder("ord-cancelled").status(OrderStatus.CANCELLED).build(),
                anOrder("ord-unbilled").build(),
                anOrder("ord-split").lineItems(List.of(aLineItem(0).quantity(2).build(), aLineItem(1).quantity(3).build())).build());
        cache(OTHER_CUSTOMER, anOrder("ord-elsewhere").referenceCustomerId(OTHER_CUSTOMER).build());
    }

    private void cache(CustomerId customer, Order... orders) {
        OrderScope scope = OrderScope.allOrdersOf(customer);
        SyncRunId run = repository.startRun(scope, CorrelationId.random(), Instant.now());
        var summary = repository.replaceSnapshot(run, scope, List.of(page(1, orders)).iterator());
        repository.finishRun(run, SyncRunOutcome.succeeded(Instant.now(), summary));
    }

    @Test
    void anInvoiceExportFindsEveryKindOfDiscrepancyAtItsLines() {
        String c = CUSTOMER.toString();
        Path file = LedgerFiles.writeText(folder, "invoice.csv", "\uFEFF"
                + "Total,ChargeType,CustomerName,customerid,OrderId,ProductId,SkuId,AvailabilityId,Quantity,UnitPrice,Currency,OrderDate\r\n"
                + "12.50,New,\"Contoso, Ltd\"," + c + ",ord-ok,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,5,2.50,USD,3/14/2025\r\n"     // 2
                + "12.50,New,\"Fabrikam\r\nLegal dept\"," + c + ",alt-ord-by-alternate,cfq7ttc0lh18,0001,cfq7ttc0k5bf,5,2.5,USD,3/14/2025\r\n" // 3-4
                + "10.00,New,Contoso," + c + ",ord-quantity,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,4,2.50,USD,3/14/2025\r\n"   // 5
                + "15.50,New,Contoso," + c + ",ord-price,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,5,3.10,USD,3/14/2025\r\n"      // 6
                + "12.50,Renew,Contoso," + c + ",ord-currency,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,5,2.50,EUR,3/14/2025\r\n" // 7
                + "12.50,New,Contoso," + c + ",ord-cancelled,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,5,2.50,USD,3/14/2025\r\n"  // 8
                + "-12.50,Cancel,Contoso," + c + ",ord-cancelled,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,-5,2.50,USD,3/15/2025\r\n" // 9
                + "5.00,New,Contoso," + c + ",ord-split,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,2,2.50,USD,3/14/2025\r\n"       // 10
                + "7.50,addQuantity,Contoso," + c + ",ord-split,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,3,2.50,USD,3/20/2025\r\n" // 11
                + "2.50,New,Contoso," + c + ",ord-ghost,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,1,2.50,USD,3/14/2025\r\n"       // 12
                + "2.50,New,Contoso," + c + ",ord-ok,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,one,2.50,USD,3/14/2025\r\n"        // 13
                + "0.10,CycleCharge,Contoso," + c + ",ord-ok,CFQ7TTC0LH18,0001,CFQ7TTC0K5BF,1,0.10,USD,4/14/2025\r\n");   // 14

        ReconciliationReport report = service.reconcileOrders(lenient(file));

        assertThat(report.discrepancies())
                .extracting(Discrepancy::kind, Discrepancy::orderReference, Discrepancy::ledgerLines)
                .containsExactlyInAnyOrder(
                        tuple(DiscrepancyKind.QUANTITY_MISMATCH, "ord-quantity", List.of(5L)),
                        tuple(DiscrepancyKind.PRICE_MISMATCH, "ord-price", List.of(6L)),
                        tuple(DiscrepancyKind.CURRENCY_MISMATCH, "ord-currency", List.of(7L)),
                        tuple(DiscrepancyKind.BILLED_BUT_CANCELLED, "ord-cancelled", List.of(8L)),
                        tuple(DiscrepancyKind.MISSING_IN_LEDGER, "ord-unbilled", List.of()),
                        tuple(DiscrepancyKind.MISSING_IN_PARTNER_CENTER, "ord-ghost", List.of(12L)));
        assertThat(report.countsByKind().values()).as("each kind exactly once").containsOnly(1L);
        assertThat(report.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.QUANTITY_MISMATCH).singleElement()
                .satisfies(d -> {
                    assertThat(d.expected()).contains("4");
                    assertThat(d.actual()).contains("5");
                });
        assertThat(report.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.PRICE_MISMATCH).singleElement()
                .satisfies(d -> assertThat(d.expected()).contains("3.10"));
        assertThat(report.matched()).as("ok, by-alternate, quantity, price, currency, cancelled, split").isEqualTo(7);
        assertThat(report.notComparedByChargeType()).isEqualTo(Map.of("Cancel", 1L, "CycleCharge", 1L));
        // What is still readable of the bad row names its line, so that line is not also reported missing in the ledger.
        assertThat(report.rowsInError()).containsExactly(new LedgerRowError(13, "Quantity", "must be a whole number, got 'one'",
                Optional.of(new LedgerRowKey(CUSTOMER, "ord-ok", Optional.of(OfferId.parse(OFFER)), Optional.of("New")))));
        assertThat(report.discrepancies()).noneMatch(d -> d.customer().equals(OTHER_CUSTOMER));
    }

    @Test
    void aPartnerLedgerThatAgreesIsClean() {
        String c = CUSTOMER.toString();
        Path file = LedgerFiles.write(folder, "ledger.csv", "order_id,customer_id,offer_id,quantity,unit_price,currency,comment",
                "ord-ok," + c + "," + OFFER + ",5,2.50,USD,",
                "alt-ord-by-alternate," + c + "," + OFFER.toLowerCase() + ",5,2.50,USD,\"alternate id, lower-case offer\"",
                "ord-quantity," + c + "," + OFFER + ",5,2.50,USD,",
                "ord-price," + c + "," + OFFER + ",5,2.505,USD,within the tolerance",
                "ord-currency," + c + "," + OFFER + ",5,,,",
                "ord-unbilled," + c + "," + OFFER + ",5,2.50,USD,",
                "ord-split," + c + "," + OFFER + ",1,2.50,USD,",
                "ord-split," + c + "," + OFFER + ",4,2.50,USD,");

        ReconciliationReport report = service.reconcileOrders(ReconcileOrdersCommand.of(file));

        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.matched()).isEqualTo(7);
        assertThat(report.notCompared()).isZero();
        assertThat(report.rowsInError()).isEmpty();
    }

    @Test
    void aStrictRunStopsAtTheFirstBadRowWithItsLineAndColumn() {
        String c = CUSTOMER.toString();
        Path file = LedgerFiles.write(folder, "ledger.csv", "customer_id,order_id,offer_id,quantity,note",
                c + ",ord-ok," + OFFER + ",5,\"two\nlines\"",
                c + ",ord-quantity," + OFFER + ",5x,");

        assertThatThrownBy(() -> service.reconcileOrders(ReconcileOrdersCommand.of(file)))
                .isInstanceOfSatisfying(LedgerReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerReadException.Reason.BAD_VALUE);
                    assertThat(e.line()).hasValue(4);
                    assertThat(e.column()).contains("quantity");
                })
                .hasMessageStartingWith(file + ", line 4, column quantity: ");
    }

    private static ReconcileOrdersCommand lenient(Path file) {
        return new ReconcileOrdersCommand(file, List.of(), ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, true,
                Optional.empty(), Optional.empty());
    }
}
