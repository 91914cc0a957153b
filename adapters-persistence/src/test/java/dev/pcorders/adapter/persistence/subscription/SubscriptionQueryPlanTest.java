package dev.pcorders.adapter.persistence.subscription;

import static dev.pcorders.domain.subscription.TestSubscriptions.CREATED;
import static dev.pcorders.domain.subscription.TestSubscriptions.CUSTOMER;
import static dev.pcorders.domain.subscription.TestSubscriptions.OFFER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.jooq.tables.records.StoredSubscriptionRecord;
import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.subscription.SubscriptionCriteria;
import dev.pcorders.domain.subscription.SubscriptionId;
import dev.pcorders.domain.subscription.SubscriptionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reads of cached subscriptions run on V5's indexes: EXPLAIN QUERY PLAN shows no full scan of the table. */
class SubscriptionQueryPlanTest {

    @TempDir
    Path folder;

    private CacheStore store;
    private Connection connection;
    private DSLContext dsl;

    @BeforeEach
    void open() {
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
        connection = store.openJdbcConnection();
        dsl = DSL.using(connection, SQLDialect.SQLITE);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        store.close();
    }

    private List<String> plan(Query query) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + query.getSQL(ParamType.INLINED))) {
            while (rows.next()) {
                steps.add(rows.getString("detail"));
            }
        }
        return steps;
    }

    private static void assertNoFullScan(String what, List<String> plan) {
        assertThat(plan).as(what + " plan " + plan).noneMatch(step -> step.matches(".*\\bSCAN (s|stored_subscription)\\b.*"));
    }

    @Test
    void everyFilterOnItsOwnAndTheLookupByIdUseAnIndex() throws SQLException {
        Map<String, SubscriptionCriteria> filters = Map.of(
                "customer", SubscriptionCriteria.ALL.withCustomer(CUSTOMER),
                "status", SubscriptionCriteria.ALL.withStatus(SubscriptionStatus.parse("suspended")),
                "unknown status", SubscriptionCriteria.ALL.withStatus(SubscriptionStatus.parse("migrating")),
                "offer", SubscriptionCriteria.ALL.withOfferId(OFFER));
        for (Map.Entry<String, SubscriptionCriteria> filter : filters.entrySet()) {
            assertNoFullScan(filter.getKey(), plan(SubscriptionQueries.page(dsl, filter.getValue(), 0, 50)));
            assertNoFullScan(filter.getKey() + " count", plan(SubscriptionQueries.count(dsl, filter.getValue())));
        }
        assertNoFullScan("by id", plan(SubscriptionQueries.byId(dsl, SubscriptionId.of("s1"))));
    }

    @Test
    void theNextBatchSeeksInAnIndex() throws SQLException {
        StoredSubscriptionRecord last = new StoredSubscriptionRecord();
        last.setCreationDate(CREATED);
        last.setSubscriptionId("s1000");
        last.setCustomerId(CUSTOMER.toString());

        List<String> customer = plan(SubscriptionQueries.after(dsl, SubscriptionCriteria.ALL.withCustomer(CUSTOMER), last, 1_000));
        List<String> all = plan(SubscriptionQueries.after(dsl, SubscriptionCriteria.ALL, last, 1_000));

        assertThat(customer).anyMatch(step -> step.contains("SEARCH s USING INDEX stored_subscription_by_customer_created"));
        assertThat(all).anyMatch(step -> step.contains("SEARCH s USING INDEX stored_subscription_by_created"));
    }
}
