package dev.pcorders.adapter.persistence.order;

import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.order.testing.OrderCache;
import dev.pcorders.application.order.testing.OrderCacheContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared order cache contract, on a fresh SQLite file per test. */
class SqliteOrderCacheContractTest extends OrderCacheContract {

    @TempDir
    Path folder;

    private CacheStore store;

    @Override
    protected OrderCache newCache() {
        store = CacheStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
        return new OrderCache(store.runLog(), store.orderSnapshots(), store.orders(), store.orderChanges());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
