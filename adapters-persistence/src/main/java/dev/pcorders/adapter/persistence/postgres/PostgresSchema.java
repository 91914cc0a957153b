package dev.pcorders.adapter.persistence.postgres;

import dev.pcorders.adapter.persistence.store.SchemaHistory;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.application.shared.port.out.StoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Brings a PostgreSQL database (its current schema, {@code public} unless the URL's {@code currentSchema} says
 * otherwise) to this build's schema with the migrations in {@code db/postgresql}, and refuses what the SQLite store
 * refuses: a schema of a newer pc-orders, and a schema some other program's tables are in. Several processes may open
 * the cache at once: Flyway holds an advisory lock while it migrates, so one migrates and the others find it done.
 */
final class PostgresSchema {

    private final PostgresLocation location;
    private final PostgresFailures failures;

    PostgresSchema(PostgresLocation location, PostgresFailures failures) {
        this.location = location;
        this.failures = failures;
    }

    /**
     * Creates or migrates the schema; {@code mayCreate} false (a reader) refuses a database without one, as a reader of
     * SQLite refuses a missing file, but still upgrades an older schema, as a reader of a writable SQLite file does.
     */
    void migrate(DataSource dataSource, boolean mayCreate) {
        if (!refuseForeignSchema(dataSource) && !mayCreate) {
            throw new StoreException(Reason.NOT_FOUND, "The PostgreSQL database " + location.displayName()
                    + " holds no pc-orders cache yet: sync into it first");
        }
        MigrationInfoService info;
        try {
            info = flyway(dataSource).info();
        } catch (FlywayException e) {
            throw failures.translate("read the schema history", e);
        }
        SchemaHistory.refuseNewer(info, "The PostgreSQL cache " + location.displayName(),
                "point this one at another database");
        if (info.pending().length > 0) {
            try {
                flyway(dataSource).migrate();
            } catch (FlywayException e) {
                throw failures.translate("bring the schema up to date", e);
            }
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(PostgresSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/postgresql")
                .table(SchemaHistory.TABLE)
                .loggers("slf4j")
                .load();
    }

    /** True when the schema holds a pc-orders cache (or one being created); false when it is empty. */
    private boolean refuseForeignSchema(DataSource dataSource) {
        Set<String> tables;
        try (Connection connection = dataSource.getConnection()) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
            Field<String> name = DSL.field(DSL.name("table_name"), String.class);
            tables = dsl.select(name)
                    .from(DSL.table(DSL.name("information_schema", "tables")))
                    .where(DSL.field(DSL.name("table_schema"), String.class).eq(DSL.field("current_schema()", String.class)))
                    .and(DSL.field(DSL.name("table_type"), String.class).eq("BASE TABLE"))
                    .fetchSet(name);
        } catch (SQLException | RuntimeException e) {
            throw failures.translate("open the database", e);
        }
        boolean ours = tables.contains(SchemaHistory.TABLE) && tables.contains(SchemaHistory.MARKER_TABLE);
        // Flyway creates its history table first, in a transaction of its own: another process may be migrating now.
        boolean beingCreated = tables.equals(Set.of(SchemaHistory.TABLE));
        if (!tables.isEmpty() && !ours && !beingCreated) {
            throw new StoreException(Reason.NOT_A_PC_ORDERS_DATABASE, "The PostgreSQL database " + location.displayName()
                    + " holds tables that are not a pc-orders cache ("
                    + tables.stream().sorted().limit(10).collect(Collectors.joining(", "))
                    + (tables.size() > 10 ? ", ..." : "") + "); use a database (or a schema, with the URL's currentSchema"
                    + " parameter) of its own for the cache");
        }
        return !tables.isEmpty();
    }
}
