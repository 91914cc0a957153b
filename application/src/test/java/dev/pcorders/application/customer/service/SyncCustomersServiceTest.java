package dev.pcorders.application.customer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.application.customer.port.in.CustomerListSyncResult;
import dev.pcorders.application.customer.port.out.CustomerGateway;
import dev.pcorders.application.shared.port.in.SyncFailure;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.testing.InMemorySyncRunLog;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.shared.ScopedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The customer list syncs as one run of the partner: counted when stored, a failed run when Partner Center fails. */
class SyncCustomersServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CorrelationId CORRELATION = CorrelationId.random();

    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final List<Customer> stored = new ArrayList<>();
    private final List<ScopedQuery<CustomerListScope>> queries = new ArrayList<>();

    private static Customer customer(int n) {
        return new Customer(CustomerId.parse("00000000-0000-4000-8000-00000000000" + n), CompanyProfile.EMPTY,
                Optional.empty(), ResourceAttributes.NONE);
    }

    private static Page<Customer> page(int number, Customer... customers) {
        return new Page<>(number, List.of(customers), OptionalInt.empty());
    }

    /** Stores every page it is handed, as a store consuming the iterator inside its transaction would. */
    private final SnapshotStore<CustomerListScope, Customer> store = (run, scope, pages) -> {
        long count = 0;
        List<Customer> staged = new ArrayList<>();
        while (pages.hasNext()) {
            Page<Customer> page = pages.next();
            staged.addAll(page.items());
            count++;
        }
        stored.addAll(staged);
        return new SnapshotSummary(count, staged.size(), 0, staged.size(), 0, 0);
    };

    private SyncCustomersService serving(Stream<Page<Customer>> pages) {
        CustomerGateway gateway = query -> {
            queries.add(query);
            return pages;
        };
        return new SyncCustomersService(gateway, store, runLog, CLOCK);
    }

    @Test
    void aListIsFetchedWithTheCorrelationIdStoredAndRecordedAsASucceededRunOfThePartner() {
        CustomerListSyncResult result = serving(Stream.of(page(1, customer(1), customer(2)), page(2, customer(3))))
                .syncCustomers(CORRELATION);

        assertThat(result).isInstanceOfSatisfying(CustomerListSyncResult.Succeeded.class, succeeded -> {
            assertThat(succeeded.pages()).isEqualTo(2);
            assertThat(succeeded.customers()).isEqualTo(3);
            assertThat(succeeded.added()).isEqualTo(3);
        });
        assertThat(queries).containsExactly(new ScopedQuery<>(CustomerListScope.ALL, CORRELATION));
        assertThat(stored).hasSize(3);
        assertThat(runLog.runs()).singleElement().satisfies(run -> {
            assertThat(run.scope()).isEqualTo(CustomerListScope.ALL);
            assertThat(run.outcome()).hasValueSatisfying(outcome -> assertThat(outcome.succeeded()).isTrue());
        });
    }

    @Test
    void aPartnerCenterFailurePartWayIsAFailedRunWithItsKindAndNothingStored() {
        PartnerCenterException forbidden = new PartnerCenterException.Forbidden("403 on page 2", PartnerCenterError.ofStatus(403));
        Stream<Page<Customer>> failingOnPageTwo = Stream.concat(Stream.of(page(1, customer(1))),
                Stream.<Page<Customer>>of((Page<Customer>) null).map(ignored -> {
                    throw forbidden;
                }));

        CustomerListSyncResult result = serving(failingOnPageTwo).syncCustomers(CORRELATION);

        assertThat(result).isInstanceOfSatisfying(CustomerListSyncResult.Failed.class, failed -> {
            assertThat(failed.failure().kind()).isEqualTo(SyncFailure.Kind.FORBIDDEN);
            assertThat(failed.failure().message()).contains("403 on page 2");
        });
        assertThat(runLog.runs()).singleElement().satisfies(run -> assertThat(run.outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome.succeeded()).isFalse()));
    }

    @Test
    void aFailingCacheStopsTheSyncAndStillEndsTheRunAsFailed() {
        StoreException diskFull = new StoreException(StoreException.Reason.UNEXPECTED, "disk full");
        SyncCustomersService service = new SyncCustomersService(query -> Stream.of(page(1, customer(1))),
                (run, scope, pages) -> {
                    throw diskFull;
                }, runLog, CLOCK);

        assertThatThrownBy(() -> service.syncCustomers(CORRELATION)).isSameAs(diskFull);
        assertThat(runLog.runs()).singleElement().satisfies(run -> assertThat(run.outcome())
                .hasValueSatisfying(outcome -> assertThat(outcome.errorSummary()).hasValueSatisfying(
                        summary -> assertThat(summary).contains("disk full"))));
    }
}
