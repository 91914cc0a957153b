package dev.pcorders.domain.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReconciliationPropertyTest {

    private static final String[] OFFERS = {"CFQ7TTC0LH18:0001:CFQ7TTC0K5BF", "CFQ7TTC0LF8R:0001:CFQ7TTC0KDLJ",
            "DZH318Z0BQ4B:000Z:DZH318Z0DSPL", "031C9E47-4802-4248-838E-778FB1D2CC05"};

    /**
     * A ledger written from the cached orders themselves (split into several rows, ids and alternate
     * ids mixed, offer case changed, rows shuffled) must reconcile with no discrepancy at all.
     */
    @Property(tries = 200)
    void aLedgerMadeFromTheOrdersReconcilesCleanly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int orderCount) {
        Random random = new Random(seed);
        List<CustomerId> customers = List.of(new CustomerId(new UUID(seed, 1)), new CustomerId(new UUID(seed, 2)));
        List<Order> orders = new ArrayList<>();
        List<LedgerRow> rows = new ArrayList<>();
        for (int o = 0; o < orderCount; o++) {
            CustomerId customer = customers.get(random.nextInt(customers.size()));
            String currency = random.nextBoolean() ? "USD" : "EUR";
            List<OrderLineItem> items = new ArrayList<>();
            int itemCount = 1 + random.nextInt(4);
            for (int i = 0; i < itemCount; i++) {
                OfferId offer = OfferId.parse(OFFERS[random.nextInt(OFFERS.length)]);
                Amount price = new Amount(BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(5)));
                items.add(OrderLineItem.builder(i, offer, random.nextInt(50))
                        .pricing(new Pricing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(price), Optional.empty()))
                        .build());
            }
            Order order = Order.builder(OrderId.of("order-" + o), customer, Instant.EPOCH.plusSeconds(o))
                    .alternateId("alt-" + o)
                    .currencyCode(CurrencyCode.of(currency))
                    .status(OrderStatus.COMPLETED)
                    .lineItems(items)
                    .build();
            orders.add(order);
            for (OrderLineItem item : items) {
                // Bill each line item in one or two rows, as invoices split charges.
                int first = item.quantity() == 0 ? 0 : random.nextInt(item.quantity() + 1);
                List<Integer> parts = random.nextBoolean() ? List.of(item.quantity()) : List.of(first, item.quantity() - first);
                for (int part : parts) {
                    String reference = random.nextBoolean() ? order.id().value() : order.alternateId().orElseThrow();
                    OfferId offer = OfferId.parse(random.nextBoolean() ? item.offerId().value() : item.offerId().value().toLowerCase());
                    rows.add(new LedgerRow(1, customer, reference, offer, part,
                            item.pricing().flatMap(Pricing::price), Optional.of(CurrencyCode.of(currency)), Optional.empty(),
                            Optional.of(random.nextBoolean() ? "New" : "renew"), Optional.empty()));
                }
            }
        }
        Collections.shuffle(rows, random);

        Reconciliation reconciliation = new Reconciliation(Amount.parse("0"));
        orders.forEach(reconciliation::addOrder);
        long line = 2;
        for (LedgerRow row : rows) {
            reconciliation.addLedgerEntry(new LedgerRow(line++, row.customer(), row.orderReference(), row.offerId(),
                    row.quantity(), row.unitPrice(), row.currency(), row.subscriptionId(), row.chargeType(), row.orderDate()));
        }
        ReconciliationReport report = reconciliation.report();

        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.totals()).allSatisfy(totals -> {
            assertThat(totals.ledger()).isEqualByComparingTo(totals.partnerCenter());
            assertThat(totals.residue()).isZero();
        });
    }
}
