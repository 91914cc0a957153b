package dev.pcorders.adapter.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The driver settings every connection to a PostgreSQL cache gets, which the store's correctness (untyped strings into
 * numeric columns) and its speed (multi-row INSERTs, measured by PostgresStoreBenchmark) depend on.
 */
class PostgresConnectionsTest {

    private final PGSimpleDataSource dataSource = (PGSimpleDataSource) new PostgresConnections(
            PostgresLocation.of("jdbc:postgresql://127.0.0.1:5432/cache", Optional.of("sync"), Optional.of("secret")),
            PostgresStoreSettings.defaults()).unpooled();

    @Test
    void stringsGoUntypedSoThatDecimalTextBindsIntoNumericColumns() {
        assertThat(dataSource.getStringType()).isEqualTo("unspecified");
    }

    @Test
    void batchesOfInsertsGoAsMultiRowInserts() {
        assertThat(dataSource.getReWriteBatchedInserts()).isTrue();
    }

    @Test
    void theLoginIsTheLocationsAndTheServerSeesWhoConnects() {
        assertThat(dataSource.getUser()).isEqualTo("sync");
        assertThat(dataSource.getApplicationName()).isEqualTo("pc-orders");
    }
}
