package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static dev.pcorders.domain.subscription.TestSubscriptions.aSubscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.application.subscription.port.in.SyncSubscriptionsCommand;
import dev.pcorders.application.subscription.service.SyncSubscriptionsService;
import dev.pcorders.application.subscription.testing.FakeSubscriptionGateway;
import dev.pcorders.application.subscription.testing.InMemorySubscriptionCache;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.reconciliation.Discrepancy;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.reconciliation.SubscriptionCheck;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.subscription.Subscription;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import dev.pcorders.domain.subscription.TestSubscriptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The service feeds each reconciled customer's cached subscriptions to the reconciliation, and only theirs. */
class ReconcileSubscriptionsServiceTest {

    private static final Path LEDGER = Path.of("ledger.csv");

    private final InMemoryOrderCache orders = new InMemoryOrderCache();
    private final InMemorySubscriptionCache subscriptions = new InMemorySubscriptionCache();

    private static LedgerSource ledgerOf(LedgerEntry... entries) {
        return (path, lenient) -> Stream.of(entries);
    }

    private static LedgerRow billed(long line, CustomerId customer, String reference, long quantity, String subscriptionId) {
        return new LedgerRow(line, customer, reference, OFFER, quantity, Optional.empty(), Optional.empty(),
                Optional.ofNullable(subscriptionId), Optional.empty(), Optional.empty());
    }

    private void cache(Order... cached) {
        FakeOrderGateway gateway = new FakeOrderGateway();
        List<CustomerId> customers = Stream.of(cached).map(Order::referenceCustomerId).distinct().toList();
        for (CustomerId customer : customers) {
            gateway.serve(customer, page(1, Stream.of(cached).filter(o -> o.referenceCustomerId().equals(customer))
                    .toArray(Order[]::new)));
        }
        new SyncOrdersService(gateway, orders, orders, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(customers));
    }

    private void cache(Subscription... cached) {
        FakeSubscriptionGateway gateway = new FakeSubscriptionGateway();
        List<CustomerId> customers = Stream.of(cached).map(Subscription::customer).distinct().toList();
        for (CustomerId customer : customers) {
            gateway.serve(customer, TestSubscriptions.page(1, Stream.of(cached).filter(s -> s.customer().equals(customer))
                    .toArray(Subscription[]::new)));
        }
        new SyncSubscriptionsService(gateway, subscriptions, subscriptions, Clock.systemUTC())
                .syncSubscriptions(new SyncSubscriptionsCommand(customers, Optional.empty()));
    }

    private static List<Discrepancy> subscriptionLevel(ReconciliationReport report) {
        return report.discrepancies().stream().filter(d -> d.kind().isSubscriptionLevel()).toList();
    }

    @Test
    void eachReconciledCustomersSubscriptionsAreCheckedAgainstTheRowsNamingThem() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        cache(aSubscription("seats").customer(CUSTOMER).quantity(5).build(),
                aSubscription("unbilled").customer(CUSTOMER).quantity(2).build(),
                aSubscription("suspended").customer(CUSTOMER).status(SubscriptionStatus.SUSPENDED).build(),
                aSubscription("their-unbilled").customer(OTHER_CUSTOMER).build());
        LedgerSource ledger = ledgerOf(billed(2, CUSTOMER, "mine", 3, "seats"), billed(3, CUSTOMER, "mine", 1, "suspended"),
                billed(4, CUSTOMER, "mine", 1, "ghost"), billed(5, OTHER_CUSTOMER, "theirs", 9, "their-ghost"));
        ReconcileOrdersCommand onlyMine = new ReconcileOrdersCommand(LEDGER, List.of(CUSTOMER),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false, Optional.empty(), Optional.empty());

        ReconciliationReport report = new ReconcileOrdersService(orders, orders, ledger, subscriptions).reconcileOrders(onlyMine);

        assertThat(subscriptionLevel(report))
                .extracting(Discrepancy::customer, Discrepancy::kind, d -> d.subscription().orElseThrow().subscriptionId())
                .containsExactly(
                        tuple(CUSTOMER, DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, "ghost"),
                        tuple(CUSTOMER, DiscrepancyKind.SEAT_COUNT_MISMATCH, "seats"),
                        tuple(CUSTOMER, DiscrepancyKind.BILLED_SUBSCRIPTION_NOT_ACTIVE, "suspended"),
                        tuple(CUSTOMER, DiscrepancyKind.SUBSCRIPTION_NOT_BILLED, "unbilled"));
        assertThat(report.subscriptions()).isEqualTo(new SubscriptionCheck(List.of(CUSTOMER), List.of(), List.of()));
        ReconciliationReport ordersOnly = new ReconcileOrdersService(orders, orders, ledger).reconcileOrders(onlyMine);
        assertThat(report.discrepancies().subList(0, ordersOnly.discrepancies().size()))
                .as("the order-level discrepancies are those of an order-only reconciliation")
                .isEqualTo(ordersOnly.discrepancies());
        assertThat(report.discrepancies()).hasSize(ordersOnly.discrepancies().size() + 4);
        assertThat(report.totals()).isEqualTo(ordersOnly.totals());
    }

    @Test
    void everyCustomerInTheLedgerIsCheckedWhenNoneAreNamed() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        cache(aSubscription("s1").customer(CUSTOMER).quantity(3).build(), aSubscription("s2").customer(OTHER_CUSTOMER).build());
        LedgerSource ledger = ledgerOf(billed(2, CUSTOMER, "mine", 3, "s1"), billed(3, OTHER_CUSTOMER, "theirs", 2, "s2"));

        ReconciliationReport report = new ReconcileOrdersService(orders, orders, ledger, subscriptions)
                .reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        assertThat(subscriptionLevel(report)).singleElement().satisfies(d -> {
            assertThat(d.customer()).isEqualTo(OTHER_CUSTOMER);
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.SEAT_COUNT_MISMATCH);
        });
        assertThat(report.subscriptions().checked()).containsExactlyInAnyOrder(CUSTOMER, OTHER_CUSTOMER);
    }

    @Test
    void aCustomerWithoutCachedSubscriptionsIsNotedNotReported() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        cache(aSubscription("s1").customer(CUSTOMER).build());
        LedgerSource ledger = ledgerOf(billed(2, CUSTOMER, "mine", 1, "s1"), billed(3, OTHER_CUSTOMER, "theirs", 2, "s2"));

        ReconciliationReport report = new ReconcileOrdersService(orders, orders, ledger, subscriptions)
                .reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        assertThat(subscriptionLevel(report)).isEmpty();
        assertThat(report.subscriptions().withoutCachedSubscriptions()).containsExactly(OTHER_CUSTOMER);
    }

    @Test
    void withoutSubscriptionsOnEitherSideOrWithoutAReaderTheReportIsOrderOnly() {
        cache(anOrder("mine").build());
        LedgerSource ledger = ledgerOf(billed(2, CUSTOMER, "mine", 1, null));

        ReconciliationReport withReader = new ReconcileOrdersService(orders, orders, ledger, subscriptions)
                .reconcileOrders(ReconcileOrdersCommand.of(LEDGER));
        ReconciliationReport withoutReader = new ReconcileOrdersService(orders, orders, ledgerOf(billed(2, CUSTOMER, "mine", 1, "s1")))
                .reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        for (ReconciliationReport report : List.of(withReader, withoutReader)) {
            assertThat(report.subscriptions()).isEqualTo(SubscriptionCheck.NOT_IN_PLAY);
            assertThat(report.countsByKind().keySet()).containsExactlyElementsOf(DiscrepancyKind.orderLevel());
        }
    }

    @Test
    void aNamedCustomerKnownOnlyByItsSubscriptionsIsNotAnUnknownCustomer() {
        cache(aSubscription("s1").customer(CUSTOMER).build());
        ReconcileOrdersCommand command = new ReconcileOrdersCommand(LEDGER, List.of(CUSTOMER),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false, Optional.empty(), Optional.empty());

        ReconciliationReport report = new ReconcileOrdersService(orders, orders, ledgerOf(), subscriptions).reconcileOrders(command);

        assertThat(report.subscriptions().withoutSubscriptionsInLedger()).containsExactly(CUSTOMER);
        assertThat(report.isClean()).isTrue();
    }
}
