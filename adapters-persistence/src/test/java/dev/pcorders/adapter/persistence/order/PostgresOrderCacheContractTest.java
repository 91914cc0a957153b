package dev.pcorders.adapter.persistence.order;

import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.application.order.testing.OrderCache;
import dev.pcorders.application.order.testing.OrderCacheContract;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** The shared order cache contract, on a fresh database of a real PostgreSQL server per test. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresOrderCacheContractTest extends OrderCacheContract {

    private CacheStore store;

    @Override
    protected OrderCache newCache() {
        store = CacheStore.open(PostgresLocation.of(TestPostgres.shared().newDatabase(), Optional.of(TestPostgres.SUPERUSER),
                Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults());
        return new OrderCache(store.runLog(), store.orderSnapshots(), store.orders(), store.orderChanges());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
