package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.domain.order.TestOrders.CREATED;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.OFFER;
import static dev.pcorders.domain.order.TestOrders.RESELLER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredOrderRecord;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.order.OrderStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reads the cache serves run on indexes: SQLite's EXPLAIN QUERY PLAN must show no full scan of
 * the order or line item tables. ("SCAN x USING INDEX" walks a whole index: also a full scan.)
 */
class CachedOrderQueryPlanTest {

    @TempDir
    Path folder;

    private CacheStore store;
    private Connection connection;
    private DSLContext dsl;

    @BeforeEach
    void open() {
        store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
        connection = store.openJdbcConnection();
        dsl = DSL.using(connection, SQLDialect.SQLITE);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        store.close();
    }

    private List<String> plan(Query query) throws SQLException {
        return query(connection, "EXPLAIN QUERY PLAN " + query.getSQL(ParamType.INLINED));
    }

    private static void assertNoFullScan(String what, List<String> plan) {
        assertThat(plan).as(what + " plan " + plan)
                .noneMatch(step -> step.matches(".*\\bSCAN (o|newer|line_item|stored_order)\\b.*"));
    }

    @Test
    void theCustomerAndCreationDateQueryUsesTheCustomerCreatedIndex() throws SQLException {
        OrderCriteria criteria = OrderCriteria.ALL.withCustomer(CUSTOMER)
                .createdBetween(CREATED, CREATED.plus(Duration.ofDays(30)));

        List<String> plan = plan(CachedOrderQueries.page(dsl, criteria, 0, 50));

        assertThat(plan).anyMatch(step -> step.contains("SEARCH o USING INDEX stored_order_by_customer_created (customer_id=? AND creation_date>? AND creation_date<?)"));
        assertNoFullScan("customer + dates", plan);
        assertNoFullScan("customer + dates count", plan(CachedOrderQueries.count(dsl, criteria)));
        assertNoFullScan("customer + dates totals", plan(CachedOrderQueries.totals(dsl, criteria)));
    }

    @Test
    void theNextBatchSeeksPastTheLastOrderReadInAnIndexInsteadOfSteppingOverTheBatchesBefore()
            throws SQLException {
        StoredOrderRecord last = new StoredOrderRecord();
        last.setCreationDate(CREATED);
        last.setOrderId("ord-1000");
        last.setCustomerId(CUSTOMER.toString());

        List<String> customers = plan(CachedOrderQueries.after(dsl, OrderCriteria.ALL.withCustomer(CUSTOMER), last, 1_000));
        List<String> all = plan(CachedOrderQueries.after(dsl, OrderCriteria.ALL, last, 1_000));

        assertThat(customers).anyMatch(step -> step.contains(
                "SEARCH o USING INDEX stored_order_by_customer_created (customer_id=? AND (creation_date,order_id)>(?,?))"));
        assertNoFullScan("next batch of a customer", customers);
        assertThat(all).anyMatch(step -> step.contains(
                "SEARCH o USING INDEX stored_order_by_created ((creation_date,order_id,customer_id)>(?,?,?))"));
        assertNoFullScan("next batch of every customer", all);
    }

    @Test
    void everyFilterOnItsOwnUsesAnIndex() throws SQLException {
        Map<String, OrderCriteria> filters = Map.of(
                "customer", OrderCriteria.ALL.withCustomer(CUSTOMER),
                "reseller", OrderCriteria.ALL.withPartnerIdOnRecord(RESELLER),
                "status", OrderCriteria.ALL.withStatus(OrderStatus.parse("cancelled")),
                "unknown status", OrderCriteria.ALL.withStatus(OrderStatus.parse("awaitingSignature")),
                "billing cycle", OrderCriteria.ALL.withBillingCycle(BillingCycle.parse("annual")),
                "creation window", OrderCriteria.ALL.createdBetween(CREATED, CREATED.plus(Duration.ofDays(1))),
                "created from", OrderCriteria.ALL.createdBetween(CREATED, null),
                "offer", OrderCriteria.ALL.withOfferId(OFFER),
                "subscription", OrderCriteria.ALL.withSubscriptionId("sub-1"));
        for (Map.Entry<String, OrderCriteria> filter : filters.entrySet()) {
            for (Function<OrderCriteria, Query> read : List.<Function<OrderCriteria, Query>>of(
                    criteria -> CachedOrderQueries.page(dsl, criteria, 0, 50),
                    criteria -> CachedOrderQueries.count(dsl, criteria))) {
                assertNoFullScan(filter.getKey(), plan(read.apply(filter.getValue())));
            }
        }
        assertNoFullScan("by id", plan(CachedOrderQueries.byId(dsl, OrderId.of("ord-1"))));
    }
}
