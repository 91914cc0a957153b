package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.StoreFiles.query;
import static dev.pcorders.adapter.persistence.order.StoreFiles.single;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.OrderCriteria;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Money;
import dev.pcorders.domain.shared.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file written by the release before one-view-per-order (schema 2: a snapshot per sync scope, see
 * fixtures/cache/README.md) opened by this build: the migration keeps every order, run and change, and turns
 * the copies of an order held by several scopes into one view that keeps the prices any of them had.
 */
class CacheFromPreviousReleaseTest {

    private static final CustomerId PLAIN_AFTER_PRICED = CustomerId.parse("06f02354-cad1-46f1-8fe5-e53775922052");
    private static final CustomerId WITH_SYSTEM_PURCHASES = CustomerId.parse("aabdce6f-9ff4-49fc-b6fd-c629755acb88");
    private static final CustomerId VIA_RESELLER = CustomerId.parse("23738ad4-8941-4037-b182-c56263df660b");

    @TempDir
    Path folder;
    private Path file;

    @BeforeEach
    void copyTheFixture() throws IOException {
        file = folder.resolve("orders.db");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/cache/schema-v2-main-9efc776.db")) {
            Files.copy(fixture, file);
        }
    }

    @Test
    void everyOrderRunAndChangeSurvivesAndEachOrderIsOneView() throws SQLException {
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            List<CachedOrder> all = store.orders().findOrders(OrderCriteria.ALL, 0, 1_000);

            assertThat(all).hasSize(31);
            assertThat(all.stream().map(cached -> cached.order().referenceCustomerId() + "/" + cached.order().id()).distinct())
                    .hasSize(31);
            assertThat(single(connection, "SELECT count(*) FROM sync_run WHERE outcome = 'succeeded'")).isEqualTo("7");
            assertThat(single(connection, "SELECT count(*) FROM order_change")).isEqualTo("55");
            assertThat(single(connection, "SELECT count(*) FROM line_item")).as("the line items of the views kept")
                    .isEqualTo(Long.toString(all.stream().mapToLong(cached -> cached.order().lineItems().size()).sum()));
            assertThat(single(connection, "SELECT count(*) FROM line_item WHERE order_row_id NOT IN (SELECT row_id FROM stored_order)"))
                    .as("no orphaned line item").isEqualTo("0");
        }
    }

    @Test
    void theViewKeepsThePricesAnEarlierPricedScopeHadAndTotalsTieOutWithThem() {
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults())) {
            List<CachedOrder> plainAfterPriced = store.orders().findOrders(OrderCriteria.ALL.withCustomer(PLAIN_AFTER_PRICED), 0, 100);

            assertThat(plainAfterPriced).hasSize(9).allSatisfy(cached -> {
                assertThat(cached.order().totalPrice()).as("total of %s", cached.order().id()).isPresent();
                assertThat(cached.pricesAsOf()).isPresent();
            });
            // Summed from the fixture independently (newest copy of each order, an older copy's total where it has
            // none); the previous release listed GBP 3994022.5998 and USD 170770.5778 and no EUR at all.
            assertThat(store.orders().totalsByCurrency(OrderCriteria.ALL)).containsExactly(
                    Money.of("1255095.3935", "EUR"), Money.of("3994022.5998", "GBP"), Money.of("790823.8890", "USD"));
        }
    }

    @Test
    void theNextSyncsBuildOnTheMigratedViewWithoutAddingAnythingAgain() throws SQLException {
        try (CacheStore store = CacheStore.open(file, SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            List<CachedOrder> systemCustomer = store.orders().findOrders(OrderCriteria.ALL.withCustomer(WITH_SYSTEM_PURCHASES), 0, 100);
            List<CachedOrder> userPurchasesOnly = systemCustomer.stream()
                    .filter(cached -> cached.order().transactionType().map(type -> !type.raw().startsWith("System")).orElse(true))
                    .collect(Collectors.toList());
            assertThat(userPurchasesOnly).hasSizeLessThan(systemCustomer.size());

            var plain = sync(store.cache(), OrderScope.allOrdersOf(WITH_SYSTEM_PURCHASES),
                    List.of(new Page<>(1, userPurchasesOnly.stream().map(CachedOrder::order).toList(), OptionalInt.empty()))
                            .iterator());

            assertThat(plain.added()).isZero();
            assertThat(plain.removed()).as("the system purchases stay").isZero();
            assertThat(store.orders().countOrders(OrderCriteria.ALL.withCustomer(WITH_SYSTEM_PURCHASES))).isEqualTo(systemCustomer.size());
            assertThat(query(connection, "SELECT reseller_id FROM order_reseller WHERE customer_id = '" + VIA_RESELLER + "'"))
                    .as("the reseller scope's orders are remembered as that filter's").hasSize(2)
                    .containsOnly("c9fd43c0-794f-3a64-bafe-7816fcf2a8ca");
            assertThat(store.runLog().lastSucceededScopeKey(OrderScope.KIND, PLAIN_AFTER_PRICED).map(key -> OrderScope.fromKey(PLAIN_AFTER_PRICED, key)))
                    .contains(OrderScope.allOrdersOf(PLAIN_AFTER_PRICED).withBillingType(dev.pcorders.domain.order.BillingCycle.ANNUAL)
                            .withPrices());
            assertThat(plain.items()).isEqualTo(userPurchasesOnly.size());
        }
    }

    @Test
    void aReaderUpgradesAWritableCacheOfThePreviousReleaseOnceAndThenReadsIt() throws SQLException {
        try (CacheStore store = CacheStore.openReadOnly(file, SqliteStoreSettings.defaults())) {
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(31);
        }
        try (CacheStore store = CacheStore.openReadOnly(file, SqliteStoreSettings.defaults());
             Connection connection = store.openJdbcConnection()) {
            assertThat(single(connection, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("7");
        }
    }
}
