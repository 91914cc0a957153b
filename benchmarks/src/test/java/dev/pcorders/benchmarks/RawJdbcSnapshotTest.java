package dev.pcorders.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import dev.pcorders.domain.order.Order;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store baseline is only a baseline if it writes what the repository writes: compared table by table. */
class RawJdbcSnapshotTest {

    private static final List<String> TABLES = List.of("sync_scope", "sync_run", "stored_order", "line_item",
            "provisioning_entry", "resource_link", "link_header", "order_change");

    @TempDir
    Path directory;

    @Test
    void writesTheSameRowsAsTheRepository() throws SQLException {
        try (CacheStore byRepository = CacheStore.open(directory.resolve("repository.db"), SqliteStoreSettings.defaults());
             CacheStore byJdbc = CacheStore.open(directory.resolve("jdbc.db"), SqliteStoreSettings.defaults())) {
            assertSameRows(byRepository, byJdbc);
        }
    }

    /** PostgresStoreBenchmark's baseline: the same SQL on PostgreSQL (boolean flags, numeric money) writes the same rows. */
    @Test
    void writesTheSameRowsAsTheRepositoryOnPostgres() throws SQLException {
        TestPostgres server = TestPostgres.shared();
        try (CacheStore byRepository = CacheStore.open(postgres(server.newDatabase()), PostgresStoreSettings.defaults());
             CacheStore byJdbc = CacheStore.open(postgres(server.newDatabase()), PostgresStoreSettings.defaults())) {
            assertSameRows(byRepository, byJdbc);
        }
    }

    private void assertSameRows(CacheStore byRepository, CacheStore byJdbc) throws SQLException {
        List<Page<Order>> pages = OrderFixtures.decodedPages(2 * OrderFixtures.PAGE_SIZE + 37, directory);
        OrderScope scope = OrderFixtures.scopeOf(pages.get(0).items().get(0).referenceCustomerId());
        CorrelationId correlation = CorrelationId.random();
        Instant startedAt = Instant.parse("2026-01-02T03:04:05.123456789Z");

        SyncRunId run = byRepository.runLog().startRun(scope, correlation, startedAt);
        byRepository.orderSnapshots().replaceSnapshot(run, scope, pages.iterator());

        SyncRunId jdbcRun = byJdbc.runLog().startRun(scope, correlation, startedAt);
        long rows;
        try (Connection connection = byJdbc.openJdbcConnection()) {
            rows = RawJdbcSnapshot.write(connection, jdbcRun.value(), 1, startedAt, pages.iterator());
        }

        assertThat(rows).isEqualTo(RowCounts.of(pages).total());
        try (Connection expected = byRepository.openJdbcConnection(); Connection actual = byJdbc.openJdbcConnection()) {
            for (String table : TABLES) {
                assertThat(contents(actual, table)).as(table).isEqualTo(contents(expected, table));
            }
        }
    }

    private static PostgresLocation postgres(String url) {
        return PostgresLocation.of(url, Optional.of(TestPostgres.SUPERUSER), Optional.of(TestPostgres.PASSWORD));
    }

    private static List<List<Object>> contents(Connection connection, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2, 3")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
