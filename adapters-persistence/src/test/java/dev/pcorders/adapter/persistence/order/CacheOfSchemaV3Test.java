package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResellerId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A cache file written by the release before the resource-neutral run log (schema 3, see fixtures/cache/README.md)
 * opened by this build: V4 rebuilds sync_scope as (resource kind, customer, scope key) and renames the run counts,
 * and nothing else changes. Every row is read with plain JDBC before the store opens the file, and compared after.
 */
class CacheOfSchemaV3Test {

    private static final String FIXTURE = "/fixtures/cache/schema-v3-main-657b92f.db";
    private static final String V4 = "/db/migration/V4__runs_by_resource_kind_and_scope_key.sql";
    private static final CustomerId A = CustomerId.parse("06f02354-cad1-46f1-8fe5-e53775922052");
    private static final CustomerId B = CustomerId.parse("aabdce6f-9ff4-49fc-b6fd-c629755acb88");
    private static final CustomerId C = CustomerId.parse("23738ad4-8941-4037-b182-c56263df660b");
    private static final CustomerId UNKNOWN = CustomerId.parse("11111111-2222-4333-8444-555555555555");

    /** The tables V4 must not touch, with the row counts the fixture's README gives. */
    private static final Map<String, Integer> UNTOUCHED = untouched();

    private static final String RUN_COLUMNS = "run_id, scope_id, correlation_id, started_at, snapshot_stored, finished_at,"
            + " outcome, pages, %s, %s, added, changed, removed, error_summary";

    @TempDir
    Path folder;
    private Path file;

    private static Map<String, Integer> untouched() {
        Map<String, Integer> tables = new LinkedHashMap<>();
        tables.put("stored_order", 31);
        tables.put("line_item", 59);
        tables.put("provisioning_entry", 27);
        tables.put("resource_link", 289);
        tables.put("link_header", 0);
        tables.put("order_change", 67);
        tables.put("order_reseller", 1);
        return tables;
    }

    @BeforeEach
    void copyTheFixture() throws IOException {
        file = folder.resolve("orders.db");
        try (InputStream fixture = getClass().getResourceAsStream(FIXTURE)) {
            Files.copy(fixture, file);
        }
    }

    @Test
    void everyOrderLineItemLinkChangeAndResellerRowIsKeptAsItWas() throws SQLException {
        Map<String, List<String>> before = new LinkedHashMap<>();
        try (Connection connection = plain().getConnection()) {
            assertThat(single(connection, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("3");
            for (Map.Entry<String, Integer> table : UNTOUCHED.entrySet()) {
                before.put(table.getKey(), rows(connection, "SELECT * FROM " + table.getKey()));
                assertThat(before.get(table.getKey())).as(table.getKey()).hasSize(table.getValue());
            }
        }

        CacheStore.open(file, SqliteStoreSettings.defaults()).close();

        try (Connection connection = plain().getConnection()) {
            assertThat(single(connection, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("7");
            for (String table : UNTOUCHED.keySet()) {
                assertThat(rows(connection, "SELECT * FROM " + table)).as(table).isEqualTo(before.get(table));
            }
            assertThat(rows(connection, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(rows(connection, "SELECT name FROM sqlite_master WHERE name LIKE 'v4\\_%' ESCAPE '\\'"))
                    .as("the migration's helper index and table are gone").isEmpty();
        }
    }

    @Test
    void everyRunKeepsItsValuesUnderTheRenamedCounts() throws SQLException {
        List<String> before;
        try (Connection connection = plain().getConnection()) {
            before = rows(connection, "SELECT " + RUN_COLUMNS.formatted("orders", "line_items") + " FROM sync_run");
            assertThat(single(connection, "SELECT count(*) FROM sync_run WHERE outcome = 'succeeded'")).isEqualTo("11");
            assertThat(single(connection, "SELECT count(*) FROM sync_run WHERE outcome = 'failed'")).isEqualTo("1");
        }
        assertThat(before).hasSize(12);

        CacheStore.open(file, SqliteStoreSettings.defaults()).close();

        try (Connection connection = plain().getConnection()) {
            assertThat(rows(connection, "SELECT " + RUN_COLUMNS.formatted("items", "nested_items") + " FROM sync_run"))
                    .isEqualTo(before);
            assertThat(rows(connection, "SELECT name FROM pragma_table_info('sync_run') WHERE name IN ('orders', 'line_items')"))
                    .isEmpty();
        }
    }

    @Test
    void everyScopeKeepsItsIdAndGetsTheKeyItsOrderScopeGives() throws SQLException {
        Map<Long, OrderScope> before = oldScopes();
        assertThat(before).hasSize(9);

        CacheStore.open(file, SqliteStoreSettings.defaults()).close();

        Map<Long, OrderScope> after = new TreeMap<>();
        try (Connection connection = plain().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT scope_id, resource_kind, customer_id, scope_key FROM sync_scope")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                assertThat(rows.getString(2)).isEqualTo("orders");
                CustomerId customer = CustomerId.parse(rows.getString(3));
                String key = rows.getString(4);
                assertThat(before).containsKey(id);
                assertThat(key).as("scope " + id).isEqualTo(before.get(id).key());
                after.put(id, OrderScope.fromKey(customer, key));
            }
        }
        assertThat(after).isEqualTo(before);
        // Spot checks in the README's words, so a mistake shared by the old-column reading and OrderScope shows.
        assertThat(before.get(6L).key()).isEqualTo(
                "reseller=c9fd43c0-794f-3a64-bafe-7816fcf2a8ca;billingType=;includePrice=true;includeSystemPurchases=false");
        assertThat(before.get(7L).key()).isEqualTo("reseller=;billingType=ANNUAL;includePrice=true;includeSystemPurchases=false");
        assertThat(before.get(8L)).isEqualTo(OrderScope.allOrdersOf(B).withPrices().withSystemPurchases());
    }

    @Test
    void theRunLogAnswersWhatTheOldColumnsImply() throws SQLException {
        Map<CustomerId, Optional<OrderScope>> lastBefore = new HashMap<>();
        Map<CustomerId, Set<OrderScope>> succeededBefore = new HashMap<>();
        Map<Long, OrderScope> scopes = oldScopes();
        try (Connection connection = plain().getConnection()) {
            for (CustomerId customer : List.of(A, B, C, UNKNOWN)) {
                // Old columns: the scope of the customer's succeeded run with the highest run id.
                List<String> last = StoreFiles.query(connection, "SELECT r.scope_id FROM sync_run r JOIN sync_scope s ON s.scope_id = r.scope_id"
                        + " WHERE s.customer_id = '" + customer + "' AND r.outcome = 'succeeded' ORDER BY r.run_id DESC LIMIT 1");
                lastBefore.put(customer, last.stream().map(id -> scopes.get(Long.parseLong(id))).findFirst());
                succeededBefore.put(customer, StoreFiles.query(connection, "SELECT DISTINCT r.scope_id FROM sync_run r"
                        + " JOIN sync_scope s ON s.scope_id = r.scope_id WHERE s.customer_id = '" + customer
                        + "' AND r.outcome = 'succeeded'").stream().map(id -> scopes.get(Long.parseLong(id))).collect(Collectors.toSet()));
            }
        }
        assertThat(lastBefore.get(A)).contains(OrderScope.allOrdersOf(A).withPrices());
        assertThat(lastBefore.get(UNKNOWN)).isEmpty();
        assertThat(succeededBefore.get(B)).hasSize(3);

        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
            for (CustomerId customer : List.of(A, B, C, UNKNOWN)) {
                assertThat(store.runLog().lastSucceededScopeKey(OrderScope.KIND, customer).map(key -> OrderScope.fromKey(customer, key)))
                        .as("last succeeded scope of " + customer).isEqualTo(lastBefore.get(customer));
                List<String> keys = store.runLog().succeededScopeKeys(OrderScope.KIND, customer);
                assertThat(keys).as("distinct").doesNotHaveDuplicates();
                assertThat(keys.stream().map(key -> OrderScope.fromKey(customer, key)).collect(Collectors.toSet()))
                        .as("succeeded scopes of " + customer).isEqualTo(succeededBefore.get(customer));
            }
        }
    }

    @Test
    void aSyncAfterTheMigrationFindsItsScopeUnderTheMigratedKey() throws SQLException {
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            // Scope 7 was A's annual priced sync; this build's key for it must be the one V4 wrote.
            sync(store.cache(), OrderScope.allOrdersOf(A).withBillingType(BillingCycle.ANNUAL).withPrices(), List.<Page<Order>>of().iterator());
            assertThat(single(connection, "SELECT count(*) FROM sync_scope")).isEqualTo("9");
            assertThat(single(connection, "SELECT scope_id FROM sync_run ORDER BY run_id DESC LIMIT 1")).isEqualTo("7");
        }
    }

    @Test
    void aCopyThatLosesAScopeCannotCommit() throws SQLException, IOException {
        String script;
        try (InputStream v4 = getClass().getResourceAsStream(V4)) {
            script = new String(v4.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(script).contains("ORDER BY scope_id;");
        String planted = script.replace("ORDER BY scope_id;", "WHERE scope_id <> 9 ORDER BY scope_id;");
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource foreignKeysOn = new SQLiteDataSource(config);
        foreignKeysOn.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = foreignKeysOn.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(planted)) {
                    statement.execute(sql);
                }
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY constraint failed");
            connection.rollback();
        }
        assertThat(oldScopes()).as("the file is still at V3").hasSize(9);
    }

    /** The scopes by id as the V3 columns describe them. */
    private Map<Long, OrderScope> oldScopes() throws SQLException {
        Map<Long, OrderScope> scopes = new TreeMap<>();
        try (Connection connection = plain().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT scope_id, customer_id, reseller_id, billing_type, include_price,"
                     + " include_system_purchases FROM sync_scope")) {
            while (rows.next()) {
                String reseller = rows.getString(3);
                String billingType = rows.getString(4);
                scopes.put(rows.getLong(1), new OrderScope(CustomerId.parse(rows.getString(2)),
                        reseller.isEmpty() ? Optional.empty() : Optional.of(ResellerId.parse(reseller)),
                        billingType.isEmpty() ? Optional.empty() : Optional.of(BillingCycle.valueOf(billingType)),
                        flag(rows.getInt(5)), flag(rows.getInt(6))));
            }
        }
        return scopes;
    }

    private static boolean flag(int value) {
        assertThat(value).isIn(0, 1);
        return value == 1;
    }

    private SQLiteDataSource plain() {
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + file);
        return plain;
    }

    /** Every row, each value with its storage class, sorted: a multiset of exact rows, NULL told apart from 'null'. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    row.add(value == null ? "NULL"
                            : value instanceof byte[] bytes ? "blob:" + Arrays.toString(bytes)
                            : value.getClass().getSimpleName() + ":" + value);
                }
                rows.add(String.join("|", row));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The statements of a migration script: comment lines dropped, split where a line ends in ';'. */
    private static List<String> statements(String script) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String statement : code.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
