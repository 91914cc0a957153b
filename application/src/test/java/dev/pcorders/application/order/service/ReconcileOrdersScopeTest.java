package dev.pcorders.application.order.service;

import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.OTHER_CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.anOrder;
import static dev.pcorders.domain.order.TestOrders.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.order.port.in.ReconcileOrdersCommand;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.UnknownCustomerException;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.application.order.testing.FakeOrderGateway;
import dev.pcorders.application.order.testing.InMemoryOrderCache;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import dev.pcorders.domain.reconciliation.LedgerRow;
import dev.pcorders.domain.reconciliation.ReconciliationReport;
import dev.pcorders.domain.shared.CustomerId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which customers and rows a reconciliation takes in: customers nobody knows, every row counted, the window's dates. */
class ReconcileOrdersScopeTest {

    private static final Path LEDGER = Path.of("ledger.csv");
    private static final CustomerId STRANGER = CustomerId.parse("9b2f6a51-3c1d-4e8f-a7b6-5d4c3b2a1f09");

    private final InMemoryOrderCache repository = new InMemoryOrderCache();

    private static LedgerSource ledgerOf(LedgerEntry... entries) {
        return (path, lenient) -> Stream.of(entries);
    }

    private static LedgerRow billed(long line, CustomerId customer, String reference, Optional<LocalDate> orderDate) {
        return new LedgerRow(line, customer, reference, OFFER, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("New"), orderDate);
    }

    private void cacheOneOrderOf(CustomerId customer) {
        FakeOrderGateway gateway = new FakeOrderGateway();
        gateway.serve(customer, page(1, anOrder("cached").referenceCustomerId(customer).build()));
        new SyncOrdersService(gateway, repository, repository, Clock.systemUTC()).syncOrders(SyncOrdersCommand.of(List.of(customer)));
    }

    private static ReconcileOrdersCommand forCustomers(CustomerId... customers) {
        return new ReconcileOrdersCommand(LEDGER, List.of(customers), ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false,
                Optional.empty(), Optional.empty());
    }

    @Test
    void aNamedCustomerInNeitherTheCacheNorTheLedgerIsAnInputError() {
        cacheOneOrderOf(CUSTOMER);
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository,
                ledgerOf(billed(2, OTHER_CUSTOMER, "theirs", Optional.empty())));

        assertThatThrownBy(() -> service.reconcileOrders(forCustomers(CUSTOMER, OTHER_CUSTOMER, STRANGER)))
                .isInstanceOf(UnknownCustomerException.class)
                .hasMessageContaining(STRANGER.toString())
                .hasMessageNotContaining(CUSTOMER.toString())
                .hasMessageNotContaining(OTHER_CUSTOMER.toString());
    }

    @Test
    void rowsOfCustomersNotAskedAboutStillCountAsRead() {
        cacheOneOrderOf(CUSTOMER);
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository,
                ledgerOf(billed(2, OTHER_CUSTOMER, "theirs", Optional.empty()), billed(3, CUSTOMER, "cached", Optional.empty())));

        ReconciliationReport report = service.reconcileOrders(forCustomers(CUSTOMER));

        assertThat(report.coverage().ledgerRowsRead()).isEqualTo(2);
    }

    @Test
    void theCreationWindowReachesTheOrderDatesOfRowsWhoseOrderIsNotCached() {
        cacheOneOrderOf(CUSTOMER);
        ReconcileOrdersService service = new ReconcileOrdersService(repository, repository,
                ledgerOf(billed(2, CUSTOMER, "cached", Optional.empty()),
                        billed(3, CUSTOMER, "long-ago", Optional.of(LocalDate.of(1999, 1, 1)))));

        ReconciliationReport report = service.reconcileOrders(new ReconcileOrdersCommand(LEDGER, List.of(),
                ReconcileOrdersCommand.DEFAULT_PRICE_TOLERANCE, false, Optional.of(Instant.parse("2000-01-01T00:00:00Z")),
                Optional.empty()));

        assertThat(report.rowsOutsideWindow()).isEqualTo(1);
        assertThat(report.discrepancies()).noneMatch(d -> d.orderReference().equals("long-ago"));
    }
}
