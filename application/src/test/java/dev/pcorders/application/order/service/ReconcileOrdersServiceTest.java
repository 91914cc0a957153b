package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CREATED;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.reconciliation.DiscrepancyKind;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.LedgerRowError;
import dev.pcorders.domain.reconciliation.LedgerRowKey;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CustomerId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileOrdersServiceTest {

    private static final Path LEDGER = Path.of("ledger.csv");

    private final InMemoryOrderCache repository = new InMemoryOrderCache();
    private final List<Boolean> readsLenient = new ArrayList<>();

    private LedgerSource ledgerOf(LedgerEntry... entries) {
        return (path, lenient) -> {
            assertThat(path).isEqualTo(LEDGER);
            readsLenient.add(lenient);
            return java.util.stream.Stream.of(entries);
        };
    }

    private static LedgerRow billed(long line, CustomerId customer, String reference, long quantity) {
        return new LedgerRow(line, customer, reference, OFFER, quantity, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("New"), Optional.empty());
    }

    private void cache(Order... orders) {
        FakeOrderGateway gateway = new FakeOrderGateway();
        for (Order order : orders) {
            gateway.serve(order.referenceCustomerId(), page(1, List.of(orders).stream()
                    .filter(o -> o.referenceCustomerId().equals(order.referenceCustomerId())).toArray(Order[]::new)));
        }
        List<CustomerId> customers = List.of(orders).stream().map(Order::referenceCustomerId).distinct().toList();
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(customers));
    }

    @Test
    void onlyCustomersInTheLedgerTakePartWhenNoneAreNamed() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, ledgerOf(billed(2, CUSTOMER, "mine", 5)));

        ReconciliationReport report = service.reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        assertThat(report.isClean()).as("the other customer's unbilled order is not part of this ledger").isTrue();
        assertThat(report.matched()).isEqualTo(1);
        assertThat(readsLenient).as("the ledger is read once, as the command asks").containsExactly(false);
    }

    @Test
    void aCustomerNamedOnlyByABadRowDoesNotTakePartWhenNoneAreNamed() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        LedgerRowError bad = new LedgerRowError(3, "quantity", "must be a whole number, got \"x\"",
                Optional.of(new LedgerRowKey(OTHER_CUSTOMER, "theirs", Optional.of(OFFER), Optional.empty())));
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository,
                ledgerOf(billed(2, CUSTOMER, "mine", 5), bad));
        ReconcileOrdersCommand lenient = new ReconcileOrdersCommand(LEDGER, List.of(),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, true, Optional.empty(), Optional.empty());

        ReconciliationReport report = service.reconcileOrders(lenient);

        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.discrepancies()).as("the other customer's cached order is not part of this ledger").isEmpty();
        assertThat(report.rowsInError()).extracting(LedgerRowError::line).containsExactly(3L);
        assertThat(readsLenient).containsExactly(true);
    }

    @Test
    void namedCustomersTakePartAndOtherCustomersRowsAreLeftOut() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, ledgerOf(billed(2, CUSTOMER, "unknown", 1)));
        ReconcileOrdersCommand command = new ReconcileOrdersCommand(LEDGER, List.of(OTHER_CUSTOMER),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, true, Optional.empty(), Optional.empty());

        ReconciliationReport report = service.reconcileOrders(command);

        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_LEDGER);
            assertThat(d.customer()).isEqualTo(OTHER_CUSTOMER);
        });
        assertThat(readsLenient).containsExactly(true);
    }

    @Test
    void theCreationWindowLimitsTheOrdersTakingPart() {
        cache(anOrder("old").build(), anOrder("new").creationDate(CREATED.plus(Duration.ofDays(30))).build());
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, ledgerOf(billed(2, CUSTOMER, "new", 5)));
        ReconcileOrdersCommand command = new ReconcileOrdersCommand(LEDGER, List.of(),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false, Optional.of(CREATED.plus(Duration.ofDays(1))),
                Optional.empty());

        assertThat(service.reconcileOrders(command).isClean()).isTrue();
        assertThat(service.reconcileOrders(ReconcileOrdersCommand.of(LEDGER)).countsByKind())
                .containsEntry(DiscrepancyKind.MISSING_IN_LEDGER, 1L);
    }

    @Test
    void aLedgerRowBillingAnOrderCreatedOutsideTheWindowIsCountedNotReportedMissing() {
        cache(anOrder("before").build(), anOrder("inside").creationDate(CREATED.plus(Duration.ofDays(30))).build(),
                anOrder("after").alternateId("after-alt").creationDate(CREATED.plus(Duration.ofDays(90))).build());
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, ledgerOf(billed(2, CUSTOMER, "before", 5),
                billed(3, CUSTOMER, "inside", 5), billed(4, CUSTOMER, "after-alt", 5), billed(5, CUSTOMER, "never-ordered", 5)));
        ReconcileOrdersCommand window = new ReconcileOrdersCommand(LEDGER, List.of(),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false, Optional.of(CREATED.plus(Duration.ofDays(1))),
                Optional.of(CREATED.plus(Duration.ofDays(60))));

        ReconciliationReport report = service.reconcileOrders(window);

        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.rowsOutsideWindow()).as("before, and after by its alternate id").isEqualTo(2);
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_PARTNER_CENTER);
            assertThat(d.orderReference()).isEqualTo("never-ordered");
        });
        assertThat(service.reconcileOrders(ReconcileOrdersCommand.of(LEDGER)).rowsOutsideWindow())
                .as("no window, nothing outside it").isZero();
    }

    @Test
    void everyCachedOrderTakesPartHoweverManyReadsItTakes() {
        // More than two of the service's reads of cached orders, the last one partial.
        int count = 2_001;
        Order[] orders = new Order[count];
        LedgerEntry[] ledger = new LedgerEntry[count - 1];
        for (int i = 0; i < count; i++) {
            orders[i] = anOrder("o" + i).creationDate(CREATED.plusSeconds(i)).build();
            if (i > 0) {
                ledger[i - 1] = billed(i + 1, CUSTOMER, "o" + i, 5);
            }
        }
        cache(orders);

        ReconciliationReport report = new ReconcileOrdersService(repository, repository, ledgerOf(ledger))
                .reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        assertThat(report.matched()).isEqualTo(count - 1);
        assertThat(report.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_IN_LEDGER);
            assertThat(d.orderReference()).isEqualTo("o0");
        });
    }

    @Test
    void rowsMissingInPartnerCenterOfACustomerNeverSyncedWithSystemPurchasesAreFlagged() {
        cache(anOrder("mine").build(), anOrder("theirs").referenceCustomerId(OTHER_CUSTOMER).build());
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository, ledgerOf(
                billed(2, CUSTOMER, "mine", 5), billed(3, CUSTOMER, "not-cached", 1),
                billed(4, OTHER_CUSTOMER, "theirs", 5)));

        ReconciliationReport report = service.reconcileOrders(ReconcileOrdersCommand.of(LEDGER));

        assertThat(report.countsByKind().get(DiscrepancyKind.MISSING_IN_PARTNER_CENTER)).isEqualTo(1);
        assertThat(report.systemPurchasesNeverSynced()).as("only the customer with such rows").containsExactly(CUSTOMER);

        new SyncOrdersService(new FakeOrderGateway().serve(CUSTOMER, page(1, anOrder("mine").build())), repository, repository,
                Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(CUSTOMER).withSystemPurchases());
        assertThat(service.reconcileOrders(ReconcileOrdersCommand.of(LEDGER)).systemPurchasesNeverSynced())
                .as("its system purchases are cached now, so the row is missing for another reason").isEmpty();
    }
}
