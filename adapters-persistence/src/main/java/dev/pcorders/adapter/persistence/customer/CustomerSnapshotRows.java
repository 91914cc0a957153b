package dev.pcorders.adapter.persistence.customer;

import static dev.pcorders.adapter.persistence.jooq.Tables.CUSTOMER_CHANGE;
import static dev.pcorders.adapter.persistence.jooq.Tables.STORED_CUSTOMER;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredCustomerRecord;
import dev.pcorders.adapter.persistence.store.ChangeTable;
import dev.pcorders.adapter.persistence.store.ItemChange;
import dev.pcorders.adapter.persistence.store.ItemKey;
import dev.pcorders.adapter.persistence.store.ItemTable;
import dev.pcorders.adapter.persistence.store.OpenEnumColumns;
import dev.pcorders.adapter.persistence.store.RowBatch;
import dev.pcorders.adapter.persistence.store.SnapshotRows;
import dev.pcorders.adapter.persistence.store.JooqSyncRunLog;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerDifference;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Customers for the snapshot writer: every one owned by the partner ({@link JooqSyncRunLog#PARTNER_OWNER}) and keyed
 * by its id, written as one row each, read back by {@link StoredCustomerReader}, compared by {@link CustomerDifference}.
 * A sync of the list covers every customer of it.
 */
final class CustomerSnapshotRows implements SnapshotRows<Customer, StoredCustomerRecord, Customer> {

    static final ItemTable<StoredCustomerRecord> CUSTOMERS = new ItemTable<>(STORED_CUSTOMER, STORED_CUSTOMER.ROW_ID,
            STORED_CUSTOMER.OWNER, STORED_CUSTOMER.CUSTOMER_ID, STORED_CUSTOMER.STORED_BY_RUN,
            STORED_CUSTOMER.REMOVED_BY_RUN);
    static final ChangeTable CHANGES = new ChangeTable(CUSTOMER_CHANGE, CUSTOMER_CHANGE.CHANGE_ID, CUSTOMER_CHANGE.RUN_ID,
            CUSTOMER_CHANGE.DETECTED_AT, CUSTOMER_CHANGE.OWNER, CUSTOMER_CHANGE.CUSTOMER_ID, CUSTOMER_CHANGE.KIND,
            CUSTOMER_CHANGE.NESTED_NUMBER, CUSTOMER_CHANGE.BEFORE_VALUE, CUSTOMER_CHANGE.AFTER_VALUE);

    private final RowBatch rows;

    CustomerSnapshotRows(DSLContext tx, Connection connection) {
        this.rows = new RowBatch(tx, connection, STORED_CUSTOMER);
    }

    /** The key readers order by: the name a person sees, case-folded as Java does, so SQLite need not. */
    static String nameKey(Customer customer) {
        return customer.displayName().toLowerCase(Locale.ROOT);
    }

    @Override
    public ItemKey keyOf(Customer customer) {
        return new ItemKey(JooqSyncRunLog.PARTNER_OWNER, customer.id().toString());
    }

    @Override
    public List<Customer> read(DSLContext tx, List<StoredCustomerRecord> current) {
        return StoredCustomerReader.read(current);
    }

    @Override
    public Customer afterSync(Customer customer, Optional<Customer> before) {
        return customer;
    }

    @Override
    public List<ItemChange> compare(Optional<Customer> before, Customer after) {
        List<CustomerDifference> differences = before.isEmpty()
                ? List.of(CustomerDifference.added(after))
                : CustomerDifference.between(before.get(), after);
        List<ItemChange> changes = new ArrayList<>(differences.size());
        for (CustomerDifference difference : differences) {
            changes.add(new ItemChange(difference.kind().name(), OptionalInt.empty(), difference.before(), difference.after()));
        }
        return changes;
    }

    @Override
    public void addRows(long rowId, long scopeId, long runId, Customer customer) {
        rows.add()
                .set(STORED_CUSTOMER.ROW_ID, rowId)
                .set(STORED_CUSTOMER.SCOPE_ID, scopeId)
                .set(STORED_CUSTOMER.OWNER, JooqSyncRunLog.PARTNER_OWNER)
                .set(STORED_CUSTOMER.CUSTOMER_ID, customer.id().toString())
                .set(STORED_CUSTOMER.STORED_BY_RUN, runId)
                .set(STORED_CUSTOMER.TENANT_ID, customer.companyProfile().tenantId().orElse(null))
                .set(STORED_CUSTOMER.DOMAIN, customer.companyProfile().domain().orElse(null))
                .set(STORED_CUSTOMER.COMPANY_NAME, customer.companyProfile().companyName().orElse(null))
                .set(STORED_CUSTOMER.NAME_KEY, nameKey(customer))
                .set(STORED_CUSTOMER.RELATIONSHIP, OpenEnumColumns.raw(customer.relationshipToPartner().orElse(null)))
                .set(STORED_CUSTOMER.RELATIONSHIP_KNOWN,
                        OpenEnumColumns.knownName(customer.relationshipToPartner().orElse(null)))
                .set(STORED_CUSTOMER.ETAG, customer.attributes().etag().orElse(null))
                .set(STORED_CUSTOMER.OBJECT_TYPE, customer.attributes().objectType().orElse(null));
    }

    @Override
    public void executeRows() {
        rows.execute();
    }

    /** CustomerDifference.removed(customer): the name it was listed under, nothing after. */
    @Override
    public Field<String> removedBefore() {
        return DSL.coalesce(STORED_CUSTOMER.COMPANY_NAME, STORED_CUSTOMER.CUSTOMER_ID);
    }

    @Override
    public void close() {
        rows.close();
    }
}
