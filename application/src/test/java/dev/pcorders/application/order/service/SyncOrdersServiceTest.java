package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResellerId;
import dev.pcorders.domain.shared.ScopedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SyncOrdersServiceTest {

    private static final CustomerId THIRD_CUSTOMER = CustomerId.parse("99999999-8888-4777-a666-555555555555");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final FakeOrderGateway gateway = new FakeOrderGateway();
    private final InMemoryOrderCache repository = new InMemoryOrderCache();
    private final SyncOrdersService service = new SyncOrdersService(gateway, repository, repository, CLOCK);

    private static Order orderOf(CustomerId customer, String id) {
        return anOrder(id).referenceCustomerId(customer).build();
    }

    @Test
    void oneCustomerFailingDoesNotStopTheOthers() {
        PartnerCenterError error = new PartnerCenterError(OptionalInt.of(503), Optional.of("3000"),
                Optional.of("Service unavailable"), List.of(), Optional.empty(), Optional.of("application/json"),
                Optional.of("corr-1"), Optional.of("req-1"), Optional.empty(), Optional.empty());
        gateway.serve(CUSTOMER, page(1, orderOf(CUSTOMER, "a"), orderOf(CUSTOMER, "b")))
                .failAfter(OTHER_CUSTOMER, new PartnerCenterException.Unavailable("HTTP 503 after 4 attempts", error, null),
                        page(1, orderOf(OTHER_CUSTOMER, "x")))
                .serve(THIRD_CUSTOMER, page(1, orderOf(THIRD_CUSTOMER, "z")));

        SyncResult result = service.syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER, THIRD_CUSTOMER));

        assertThat(result.allSucceeded()).isFalse();
        assertThat(result.customers()).extracting(CustomerSyncResult::customer)
                .containsExactly(CUSTOMER, OTHER_CUSTOMER, THIRD_CUSTOMER);
        assertThat(result.customers().get(0)).isInstanceOfSatisfying(CustomerSyncResult.Succeeded.class, ok -> {
            assertThat(ok.orders()).isEqualTo(2);
            assertThat(ok.added()).isEqualTo(2);
        });
        assertThat(result.customers().get(2).succeeded()).isTrue();
        CustomerSyncResult.Failed failed = result.failures().get(0);
        assertThat(failed.customer()).isEqualTo(OTHER_CUSTOMER);
        SyncFailure failure = failed.failure();
        assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.UNAVAILABLE);
        assertThat(failure.kind().isTransient()).isTrue();
        assertThat(failure.httpStatus()).hasValue(503);
        assertThat(failure.errorCode()).contains("3000");
        assertThat(failure.requestId()).contains("req-1");

        // The failed customer's page 1 was never published; the others were.
        assertThat(repository.countOrders(OrderCriteria.ALL.withCustomer(OTHER_CUSTOMER))).isZero();
        assertThat(repository.countOrders(OrderCriteria.ALL)).isEqualTo(3);
        assertThat(repository.runs()).hasSize(3).allSatisfy(run -> assertThat(run.outcome()).isPresent());
        assertThat(repository.runs().get(1).outcome().orElseThrow().succeeded()).isFalse();
        assertThat(repository.runs().get(1).outcome().orElseThrow().errorSummary())
                .hasValueSatisfying(summary -> assertThat(summary).contains("HTTP 503 after 4 attempts", "req-1"));
        assertThat(failed.run()).contains(repository.runs().get(1).id());
    }

    @Test
    void aFailedResyncKeepsThePreviousSnapshot() {
        gateway.serve(CUSTOMER, page(1, orderOf(CUSTOMER, "a")));
        service.syncOrders(SyncOrdersCommand.of(CUSTOMER));
        gateway.failAfter(CUSTOMER, new PartnerCenterException.Unauthorized("token rejected", PartnerCenterError.ofStatus(401)));

        SyncResult second = service.syncOrders(SyncOrdersCommand.of(CUSTOMER));

        assertThat(second.failures()).singleElement()
                .satisfies(f -> assertThat(f.failure().kind()).isEqualTo(SyncFailure.Kind.UNAUTHORIZED));
        assertThat(repository.findOrdersById(OrderId.of("a"))).hasSize(1);
    }

    @Test
    void everyCustomerIsFetchedWithTheSameFiltersAndOneCorrelationId() {
        CorrelationId correlationId = CorrelationId.random();
        ResellerId reseller = ResellerId.parse(dev.pcorders.domain.order.TestOrders.RESELLER);

        SyncResult result = service.syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER)
                .withReseller(reseller).withBillingType(BillingCycle.TRIENNIAL).withPrices()
                .withCorrelationId(correlationId));

        assertThat(result.correlationId()).isEqualTo(correlationId);
        assertThat(gateway.queries()).extracting(ScopedQuery<OrderScope>::correlationId).containsOnly(correlationId);
        assertThat(gateway.queries()).extracting(ScopedQuery<OrderScope>::scope).containsExactly(
                OrderScope.allOrdersOf(CUSTOMER).withReseller(reseller).withBillingType(BillingCycle.TRIENNIAL).withPrices(),
                OrderScope.allOrdersOf(OTHER_CUSTOMER).withReseller(reseller).withBillingType(BillingCycle.TRIENNIAL).withPrices());
        assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    void aSecondSyncReportsWhatChanged() {
        gateway.serve(CUSTOMER, page(1, orderOf(CUSTOMER, "a"), orderOf(CUSTOMER, "b")));
        service.syncOrders(SyncOrdersCommand.of(CUSTOMER));
        gateway.serve(CUSTOMER, page(1, anOrder("a").status(OrderStatus.CANCELLED).build(), orderOf(CUSTOMER, "c")));

        CustomerSyncResult.Succeeded second =
                (CustomerSyncResult.Succeeded) service.syncOrders(SyncOrdersCommand.of(CUSTOMER)).customers().get(0);

        assertThat(List.of(second.added(), second.changed(), second.removed(), second.unchanged()))
                .containsExactly(1L, 1L, 1L, 0L);
    }

    @Test
    void aFailingCacheStopsTheSyncAndStillClosesTheRun() {
        StoreException diskFull = new StoreException(StoreException.Reason.UNEXPECTED, "disk full");
        InMemoryOrderCache failingStore = new InMemoryOrderCache();
        // A port mock, because how the service reacts to this one failing call is what the test is about.
        @SuppressWarnings("unchecked")
        SnapshotStore<OrderScope, Order> brokenStore = mock(SnapshotStore.class, delegatesTo(failingStore));
        doThrow(diskFull).when(brokenStore).replaceSnapshot(any(), any(), any());
        SyncOrdersService failing = new SyncOrdersService(gateway, brokenStore, failingStore, CLOCK);

        assertThatThrownBy(() -> failing.syncOrders(SyncOrdersCommand.of(CUSTOMER, OTHER_CUSTOMER))).isSameAs(diskFull);
        assertThat(gateway.queries()).as("the second customer is not attempted").hasSize(1);
        assertThat(failingStore.runs()).singleElement().satisfies(run ->
                assertThat(run.outcome().orElseThrow().errorSummary())
                        .hasValueSatisfying(summary -> assertThat(summary).contains("disk full")));
    }

    @Test
    void commandsValidateThemselves() {
        assertThatThrownBy(() -> SyncOrdersCommand.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer");
        assertThat(SyncOrdersCommand.of(CUSTOMER, CUSTOMER).customers()).containsExactly(CUSTOMER);
    }
}
