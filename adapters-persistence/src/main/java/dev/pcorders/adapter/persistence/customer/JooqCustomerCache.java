package dev.pcorders.adapter.persistence.customer;

import static dev.pcorders.adapter.persistence.jooq.Tables.CUSTOMER_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_CUSTOMER;

import dev.pcorders.adapter.persistence.jooq.tables.records.CustomerChangeRecord;
import dev.pcorders.adapter.persistence.jooq.tables.records.StoredCustomerRecord;
import dev.pcorders.adapter.persistence.store.SnapshotTransaction;
import dev.pcorders.adapter.persistence.store.JooqSyncRunLog;
import dev.pcorders.adapter.persistence.store.Transactions;
import dev.pcorders.application.customer.port.out.CachedCustomerReader;
import dev.pcorders.application.customer.port.out.CustomerChangeLog;
import dev.pcorders.application.shared.port.out.SnapshotStore;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.domain.customer.CachedCustomer;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerChange;
import dev.pcorders.domain.customer.CustomerDifference;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The customer cache's ports on either store, in the transactions of {@link Transactions}; the runs are the store's
 * {@link JooqSyncRunLog}, shared with every other resource. A partner's list is thousands of rows at most, so
 * readers take it whole.
 */
final class JooqCustomerCache implements SnapshotStore<CustomerListScope, Customer>, CachedCustomerReader,
        CustomerChangeLog {

    private final Transactions transactions;
    private final SnapshotTransaction<Customer, StoredCustomerRecord, Customer> snapshots;

    JooqCustomerCache(Transactions transactions) {
        this.transactions = transactions;
        this.snapshots = new SnapshotTransaction<>(transactions, CustomerSnapshotRows.CUSTOMERS, CustomerSnapshotRows.CHANGES);
    }

    @Override
    public SnapshotSummary replaceSnapshot(SyncRunId run, CustomerListScope scope, Iterator<Page<Customer>> pages) {
        return snapshots.replace(run, scope, pages, (tx, connection, startedAt) -> new CustomerSnapshotRows(tx, connection));
    }

    @Override
    public List<CachedCustomer> findCustomers(boolean includeRemoved) {
        return transactions.inReadTransaction("read the cached customer list", dsl -> {
            List<CachedCustomer> customers = new ArrayList<>();
            for (StoredCustomerRecord row : dsl.selectFrom(STORED_CUSTOMER)
                    .where(includeRemoved ? DSL.trueCondition() : STORED_CUSTOMER.REMOVED_BY_RUN.isNull())
                    // Current ones first (false sorts before true), each part by name.
                    .orderBy(DSL.field(STORED_CUSTOMER.REMOVED_BY_RUN.isNotNull()), STORED_CUSTOMER.NAME_KEY, STORED_CUSTOMER.CUSTOMER_ID)) {
                customers.add(new CachedCustomer(StoredCustomerReader.customer(row),
                        Optional.ofNullable(row.getRemovedByRun()).map(SyncRunId::new)));
            }
            return List.copyOf(customers);
        });
    }

    @Override
    public List<CustomerChange> findChanges(Optional<CustomerId> customer, Optional<SyncRunId> run) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(run, "run");
        return transactions.inReadTransaction("read the customer change log", dsl -> {
            List<Condition> conditions = new ArrayList<>();
            customer.ifPresent(value -> conditions.add(CUSTOMER_CHANGE.CUSTOMER_ID.eq(value.toString())));
            run.ifPresent(value -> conditions.add(CUSTOMER_CHANGE.RUN_ID.eq(value.value())));
            List<CustomerChange> changes = new ArrayList<>();
            for (CustomerChangeRecord row : dsl.selectFrom(CUSTOMER_CHANGE).where(conditions)
                    .orderBy(CUSTOMER_CHANGE.CHANGE_ID)) {
                changes.add(new CustomerChange(new SyncRunId(row.getRunId()), row.getDetectedAt(),
                        CustomerId.parse(row.getCustomerId()),
                        new CustomerDifference(CustomerDifference.Kind.valueOf(row.getKind()),
                                Optional.ofNullable(row.getBeforeValue()), Optional.ofNullable(row.getAfterValue()))));
            }
            return List.copyOf(changes);
        });
    }
}
