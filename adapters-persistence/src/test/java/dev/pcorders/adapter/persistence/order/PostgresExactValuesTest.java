package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.Pricing;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Page;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL keeps what the SQLite file keeps: money in numeric columns comes back with every decimal and its scale
 * (1.0 and 1.00 stay apart), creation dates keep Partner Center's seven fractional digits and their offset, and a
 * second sync of the same orders finds nothing changed. The one documented difference: an exponent form such as 1E+3
 * comes back with scale 0 (numeric has no negative scale), equal in value and printed alike (1000).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresExactValuesTest {

    private static final List<String> AMOUNTS = List.of("1", "1.0", "1.00", "0", "0.00", "0E-10", "-0.50", "100000.00",
            "0.123456", "12345678901234567890.123456789", "-7.0000001");

    @Test
    void everyDecimalScaleAndTickComesBackAsSent() {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < AMOUNTS.size(); i++) {
            Amount amount = Amount.parse(AMOUNTS.get(i));
            orders.add(anOrder(String.format("exact-%02d", i))
                    .creationDate(OffsetDateTime.parse("2018-03-13T22:49:54.33969" + i + "9-08:00"))
                    .totalPrice(amount)
                    .lineItems(List.of(aLineItem(0).pricing(new Pricing(Optional.of(amount), Optional.of(amount),
                            Optional.of(amount), Optional.of(amount), Optional.empty())).build()))
                    .build());
        }
        OrderScope scope = OrderScope.allOrdersOf(CUSTOMER);
        try (CacheStore store = open()) {
            sync(store.cache(), scope, List.of(new Page<>(1, orders, OptionalInt.empty())).iterator());

            List<Order> read = StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, 100));

            assertThat(read).containsExactlyInAnyOrderElementsOf(orders);
            for (Order back : read) {
                Order sent = orders.stream().filter(order -> order.id().equals(back.id())).findFirst().orElseThrow();
                assertThat(back.totalPrice().map(Amount::toString)).as("total of %s", sent.id())
                        .isEqualTo(sent.totalPrice().map(Amount::toString));
                assertThat(back.lineItems().get(0).pricing().map(Object::toString)).as("pricing of %s", sent.id())
                        .isEqualTo(sent.lineItems().get(0).pricing().map(Object::toString));
                assertThat(back.creationDateAsSent()).isEqualTo(sent.creationDateAsSent());
            }
            SnapshotSummary again = sync(store.cache(), scope, List.of(new Page<>(1, orders, OptionalInt.empty())).iterator());
            assertThat(again.changed()).as("a lossy read would show as a change").isZero();
            assertThat(again.added()).isZero();
        }
    }

    @Test
    void anExponentFormComesBackAsItsPlainDigitsEqualInValue() {
        Order sent = anOrder("exponent").totalPrice(Amount.parse("1E+3")).build();
        try (CacheStore store = open()) {
            sync(store.cache(), OrderScope.allOrdersOf(CUSTOMER), List.of(new Page<>(1, List.of(sent), OptionalInt.empty()))
                    .iterator());

            Order back = StoreFiles.ordersOf(store.orders().findOrders(OrderCriteria.ALL, 0, 10)).get(0);

            assertThat(back.totalPrice().orElseThrow().value()).as("equal in value")
                    .isEqualByComparingTo(sent.totalPrice().orElseThrow().value());
            assertThat(back.totalPrice().orElseThrow().value().scale()).as("numeric has no negative scale").isZero();
            assertThat(back.totalPrice().orElseThrow().toString()).as("printed as the file's is")
                    .isEqualTo(sent.totalPrice().orElseThrow().toString()).isEqualTo("1000");
        }
    }

    private static CacheStore open() {
        return CacheStore.open(PostgresLocation.of(TestPostgres.shared().newDatabase(), Optional.of(TestPostgres.SUPERUSER),
                Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults());
    }
}
