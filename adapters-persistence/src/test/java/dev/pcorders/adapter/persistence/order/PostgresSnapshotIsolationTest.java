package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.adapter.persistence.order.CrashSnapshots.LARGE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SCOPE;
import static dev.pcorders.adapter.persistence.order.CrashSnapshots.SMALL;
import static dev.pcorders.adapter.persistence.order.StoreFiles.sync;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.domain.order.OrderCriteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readers of a PostgreSQL cache never see half a snapshot: while a sync's transaction has written some pages and not
 * committed, a reader sees the previous snapshot whole (and does not wait for the writer); a read of many batches that
 * started before a sync committed sees none of it, to its last batch.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresSnapshotIsolationTest {

    private static CacheStore open() {
        return CacheStore.open(PostgresLocation.of(TestPostgres.shared().newDatabase(), Optional.of(TestPostgres.SUPERUSER),
                Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults());
    }

    @Test
    void aReaderSeesThePreviousSnapshotWholeWhileASyncHasWrittenHalfOfTheNextOne() {
        try (CacheStore store = open()) {
            sync(store.cache(), SCOPE, CrashSnapshots.pages(SMALL, 1, CrashSnapshots.PageListener.NONE));
            List<Long> countsSeenMidSync = new ArrayList<>();
            List<Integer> quantitiesSeen = new ArrayList<>();

            sync(store.cache(), SCOPE, CrashSnapshots.pages(LARGE, 2, new CrashSnapshots.PageListener() {
                @Override
                public void beforePage(int pageNumber) {
                    if (pageNumber == 4 || pageNumber == 15) {
                        // Pages 1..n-1 of the new snapshot are written in the open transaction, on the writer pool.
                        countsSeenMidSync.add(store.orders().countOrders(OrderCriteria.ALL));
                        store.orders().findOrders(OrderCriteria.ALL.withCustomer(CUSTOMER), 0, 1).forEach(cached ->
                                quantitiesSeen.add(cached.order().lineItems().get(0).quantity()));
                    }
                }

                @Override
                public void beforeEnd(int pages) {
                    countsSeenMidSync.add(store.orders().countOrders(OrderCriteria.ALL));
                }
            }));

            assertThat(countsSeenMidSync).as("the previous snapshot, however far the next one had got").containsOnly((long) SMALL)
                    .hasSize(3);
            assertThat(quantitiesSeen).containsOnly(CrashSnapshots.order(0, 1).lineItems().get(0).quantity());
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).as("after the commit").isEqualTo(LARGE);
        }
    }

    @Test
    void aReadOfManyBatchesSeesTheStateItStartedInWhileASyncCommits() {
        try (CacheStore store = open()) {
            int count = JooqOrderRepository.ORDERS_PER_BATCH + 200;
            sync(store.cache(), SCOPE, CrashSnapshots.pages(count, 1, CrashSnapshots.PageListener.NONE));
            List<String> seen = new ArrayList<>();

            store.orders().forEachOrder(OrderCriteria.ALL, cached -> {
                if (seen.isEmpty()) {
                    // Commits while the first batch is being handed over: the later batches must not see it.
                    sync(store.cache(), SCOPE, CrashSnapshots.pages(1, 2, CrashSnapshots.PageListener.NONE));
                }
                seen.add(cached.order().id().value());
            });

            assertThat(seen).as("all of the state the reading started in, nothing of the sync committed meanwhile")
                    .hasSize(count).doesNotHaveDuplicates();
            assertThat(store.orders().countOrders(OrderCriteria.ALL)).isEqualTo(1);
        }
    }
}
