package dev.pcorders.adapter.persistence.subscription;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.postgres.PostgresLocation;
import dev.pcorders.adapter.persistence.postgres.PostgresStoreSettings;
import dev.pcorders.adapter.persistence.postgres.TestPostgres;
import dev.pcorders.application.subscription.testing.SubscriptionCache;
import dev.pcorders.application.subscription.testing.SubscriptionCacheContract;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** The shared subscription cache contract, on a fresh database of a real PostgreSQL server per test. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresSubscriptionCacheContractTest extends SubscriptionCacheContract {

    private CacheStore store;

    @Override
    protected SubscriptionCache newCache() {
        store = CacheStore.open(PostgresLocation.of(TestPostgres.shared().newDatabase(), Optional.of(TestPostgres.SUPERUSER),
                Optional.of(TestPostgres.PASSWORD)), PostgresStoreSettings.defaults());
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
