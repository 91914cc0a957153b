package dev.pcorders.adapter.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationVersionsTest {

    @TempDir
    Path folder;

    @Test
    void theVersionsAnUpToDateHistoryListsAreTheMigrationsFlywayFinds() {
        // Opening skips Flyway when the history lists exactly these: a migration missing here would leave caches unmigrated.
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource("jdbc:sqlite:" + folder.resolve("empty.db"), null, null)
                .locations("classpath:db/migration")
                .table(SchemaMigration.HISTORY_TABLE)
                .load();

        assertThat(Arrays.stream(flyway.info().all()).map(migration -> migration.getVersion().getVersion()).toList())
                .isEqualTo(SchemaMigration.MIGRATION_VERSIONS);
    }
}
