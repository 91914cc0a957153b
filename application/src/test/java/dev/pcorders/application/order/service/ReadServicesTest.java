package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.order.port.in.CachedOrders;
import dev.pcorders.application.order.port.in.CachedOrdersQuery;
import dev.pcorders.application.order.port.in.OrderChangesQuery;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.out.OrderGateway;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.domain.order.ChangeKind;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderChange;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.ScopedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadServicesTest {

    @Test
    void getOrdersRequestsPagesOnlyAsTheyAreConsumedAndClosesTheGatewayStream() {
        AtomicInteger pagesServed = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        OrderGateway gateway = query -> Stream.iterate(1, n -> n + 1)
                .limit(1000)
                .map(n -> {
                    pagesServed.incrementAndGet();
                    return page(n, anOrder("p" + n + "-a").build(), anOrder("p" + n + "-b").build());
                })
                .onClose(() -> closed.set(true));
        GetOrdersService service = new GetOrdersService(gateway);

        try (Stream<Order> orders = service.getOrders(ScopedQuery.of(OrderScope.allOrdersOf(CUSTOMER)))) {
            assertThat(orders.limit(3)).extracting(order -> order.id().value()).containsExactly("p1-a", "p1-b", "p2-a");
        }

        assertThat(pagesServed).as("only the pages needed for three orders").hasValue(2);
        assertThat(closed).isTrue();
    }

    @Test
    void getOrdersSurfacesAGatewayFailureFromTheStream() {
        PartnerCenterException.NotFound notFound =
                new PartnerCenterException.NotFound("customer not found", PartnerCenterError.ofStatus(404));
        GetOrdersService service = new GetOrdersService(new FakeOrderGateway().failAfter(CUSTOMER, notFound));
        Stream<Order> orders = service.getOrders(ScopedQuery.of(OrderScope.allOrdersOf(CUSTOMER)));
        assertThatThrownBy(orders::toList).isSameAs(notFound);
    }

    @Test
    void findCachedOrdersPagesAndTotals() {
        InMemoryOrderCache repository = new InMemoryOrderCache();
        FakeOrderGateway gateway = new FakeOrderGateway().serve(CUSTOMER, page(1,
                anOrder("a").totalPrice(Amount.parse("1.10")).build(),
                anOrder("b").totalPrice(Amount.parse("2.20")).build(),
                anOrder("c").totalPrice(Amount.parse("3.30")).build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER));
        FindCachedOrdersService service = new FindCachedOrdersService(repository);

        CachedOrders first = service.findCachedOrders(new CachedOrdersQuery(OrderCriteria.ALL, 0, 2));
        CachedOrders second = service.findCachedOrders(new CachedOrdersQuery(OrderCriteria.ALL, 0, 2).next());

        assertThat(first.orders()).hasSize(2);
        assertThat(second.orders()).extracting(cached -> cached.order().id().value()).containsExactly("c");
        assertThat(first.totalMatching()).isEqualTo(3);
        assertThat(first.totalsByCurrency()).containsExactly(Money.of("6.6", "USD"));
        assertThatThrownBy(() -> new CachedOrdersQuery(OrderCriteria.ALL, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedOrdersQuery(OrderCriteria.ALL, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedOrdersQuery(OrderCriteria.ALL, 0, CachedOrdersQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forEachCachedOrderHandsOverEveryMatchingOrderInTheStableOrder() {
        InMemoryOrderCache repository = new InMemoryOrderCache();
        FakeOrderGateway gateway = new FakeOrderGateway()
                .serve(CUSTOMER, page(1, anOrder("b").build(), anOrder("a").build()))
                .serve(OTHER_CUSTOMER, page(1, anOrder("x").referenceCustomerId(OTHER_CUSTOMER).build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER));
        FindCachedOrdersService service = new FindCachedOrdersService(repository);
        List<String> handedOver = new ArrayList<>();

        service.forEachCachedOrder(OrderCriteria.ALL.withCustomer(CUSTOMER), cached -> handedOver.add(cached.order().id().value()));

        assertThat(handedOver).containsExactly("a", "b");
        assertThatThrownBy(() -> service.forEachCachedOrder(OrderCriteria.ALL, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void findByIdReturnsEveryCustomersOrderWithThatId() {
        InMemoryOrderCache repository = new InMemoryOrderCache();
        FakeOrderGateway gateway = new FakeOrderGateway()
                .serve(CUSTOMER, page(1, anOrder("same").build(), anOrder("other").build()))
                .serve(OTHER_CUSTOMER, page(1, anOrder("same").referenceCustomerId(OTHER_CUSTOMER).build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER));
        FindCachedOrderByIdService service = new FindCachedOrderByIdService(repository);

        assertThat(service.findCachedOrderById(dev.pcorders.domain.order.OrderId.of("same")))
                .extracting(cached -> cached.order().referenceCustomerId()).containsExactlyInAnyOrder(CUSTOMER, OTHER_CUSTOMER);
        assertThat(service.findCachedOrderById(dev.pcorders.domain.order.OrderId.of("missing"))).isEmpty();
    }

    @Test
    void findByIdFallsBackToTheAlternateId() {
        InMemoryOrderCache repository = new InMemoryOrderCache();
        FakeOrderGateway gateway = new FakeOrderGateway()
                .serve(CUSTOMER, page(1, anOrder("ord-1").alternateId("1a2b3c").build(), anOrder("1a2b3c-not").build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER));
        FindCachedOrderByIdService service = new FindCachedOrderByIdService(repository);

        assertThat(service.findCachedOrderById(dev.pcorders.domain.order.OrderId.of("1a2b3c")))
                .extracting(cached -> cached.order().id().value()).containsExactly("ord-1");
        assertThat(service.findCachedOrderById(dev.pcorders.domain.order.OrderId.of("ord-1")))
                .extracting(cached -> cached.order().id().value()).containsExactly("ord-1");
    }

    @Test
    void listChangesFiltersByCustomer() {
        InMemoryOrderCache repository = new InMemoryOrderCache();
        FakeOrderGateway gateway = new FakeOrderGateway()
                .serve(CUSTOMER, page(1, anOrder("a").build()))
                .serve(OTHER_CUSTOMER, page(1, anOrder("x").referenceCustomerId(OTHER_CUSTOMER).build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER));
        ListOrderChangesService service = new ListOrderChangesService(repository);

        List<OrderChange> mine = service.listOrderChanges(OrderChangesQuery.ALL.ofCustomer(OTHER_CUSTOMER));

        assertThat(mine).singleElement().satisfies(change -> {
            assertThat(change.orderId().value()).isEqualTo("x");
            assertThat(change.kind()).isEqualTo(ChangeKind.ADDED);
        });
        assertThat(service.listOrderChanges(OrderChangesQuery.ALL)).hasSize(2);
    }
}
