package dev.pcorders.adapter.persistence.order;

import dev.pcorders.application.order.port.out.OrderRepository;
import dev.pcorders.application.order.testing.OrderRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared OrderRepository contract, on a fresh SQLite file per test. */
class JooqOrderRepositoryContractTest extends OrderRepositoryContract {

    @TempDir
    Path folder;

    private SqliteOrderStore store;

    @Override
    protected OrderRepository newRepository() {
        store = SqliteOrderStore.open(folder.resolve("orders.db"), SqliteStoreSettings.defaults());
        return store.orders();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
