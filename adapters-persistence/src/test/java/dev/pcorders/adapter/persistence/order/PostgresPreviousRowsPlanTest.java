package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.execute;
import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.adapter.persistence.store.PreviousRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A snapshot's look-up of its items' previous rows probes the (customer, order) key index on PostgreSQL even when the
 * table has never been analysed, as in a first sync into a new cache: the planner's default estimates had it read every
 * row of the customer for each page instead, so storing a large customer slowed down page by page.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresPreviousRowsPlanTest {

    @Test
    void theLookUpOfAPageProbesTheKeyIndexOnATableWithoutStatistics() throws SQLException {
        try (CacheStore store = CacheStore.open(PostgresLocation.of(TestPostgres.shared().newDatabase(),
                Optional.of(TestPostgres.SUPERUSER), Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            // Autovacuum would analyse the table behind the test's back, after which any plan might do.
            execute(connection, "ALTER TABLE stored_order SET (autovacuum_enabled = false)");
            sync(store.cache(), CrashSnapshots.SCOPE, CrashSnapshots.pages(CrashSnapshots.SMALL * 3, 1,
                    CrashSnapshots.PageListener.NONE));
            assertThat(single(connection, "SELECT count(*) FROM pg_stats WHERE tablename = 'stored_order'"))
                    .as("the table has no statistics, as in a first sync").isEqualTo("0");
            List<String> ids = IntStream.range(0, CrashSnapshots.PER_PAGE)
                    .mapToObj(i -> CrashSnapshots.order(i, 1).id().value()).toList();

            String sql = PreviousRows.of(DSL.using(SQLDialect.POSTGRES), OrderSnapshotRows.ORDERS, CUSTOMER.toString(), ids)
                    .getSQL(ParamType.INLINED);
            List<String> plan = query(connection, "EXPLAIN " + sql);

            assertThat(plan).as("plan %s", plan)
                    .anyMatch(step -> step.contains("Index Scan using stored_order_by_key on stored_order"))
                    .noneMatch(step -> step.contains("Seq Scan on stored_order"))
                    .noneMatch(step -> step.contains("stored_order_by_customer_created"));
            assertThat(query(connection, sql)).as("every id asked for is found, once").hasSize(ids.size());
        }
    }
}
