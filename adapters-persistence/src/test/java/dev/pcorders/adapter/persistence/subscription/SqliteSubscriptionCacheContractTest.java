package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.subscription.testing.SubscriptionCache;
import dev.pcorders.application.subscription.testing.SubscriptionCacheContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared subscription cache contract, on a fresh SQLite file per test. */
class SqliteSubscriptionCacheContractTest extends SubscriptionCacheContract {

    @TempDir
    Path folder;

    private CacheStore store;

    @Override
    protected SubscriptionCache newCache() {
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
        return new SubscriptionCache(store.runLog(), store.subscriptionSnapshots(), store.subscriptions(),
                store.subscriptionChanges());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
