package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.domain.order.OrderCriteria;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sync tells its progress page by page within a customer, not only customer by customer. */
class SyncProgressTest {

    @Test
    void everyPageIsToldWithTheCustomersPagesAndOrdersSoFar() {
        FakeOrderGateway gateway = new FakeOrderGateway()
                .serve(CUSTOMER, page(1, anOrder("a").build(), anOrder("b").build()), page(2, anOrder("c").build()),
                        page(3, anOrder("d").build(), anOrder("e").build(), anOrder("f").build()))
                .serve(OTHER_CUSTOMER, page(1, anOrder("g").referenceCustomerId(OTHER_CUSTOMER).build()));
        InMemoryOrderCache repository = new InMemoryOrderCache();
        List<String> told = new ArrayList<>();

        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER),
                (customer, pages, orders) -> told.add((customer.equals(CUSTOMER) ? "c" : "o") + " " + pages + "/" + orders
                        + " stored " + repository.countOrders(OrderCriteria.ALL)));

        // Told as each page arrives, while the customer's snapshot is still being written (nothing of it stored yet).
        assertThat(told).containsExactly("c 1/2 stored 0", "c 2/3 stored 0", "c 3/6 stored 0", "o 1/1 stored 6");
    }

    @Test
    void theSyncWithoutProgressIsTheSameSync() {
        FakeOrderGateway gateway = new FakeOrderGateway().serve(CUSTOMER, page(1, anOrder("a").build()));
        InMemoryOrderCache repository = new InMemoryOrderCache();

        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER));

        assertThat(repository.countOrders(OrderCriteria.ALL)).isEqualTo(1);
    }
}
