package dev.pcorders.adapter.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Rows for one table, sent as JDBC batches of a single prepared INSERT with bind values. jOOQ renders
 * the INSERT, once; the statement stays prepared until {@link #close}, so a snapshot prepares it once
 * rather than once per page.
 *
 * <p>Each value goes through its column's jOOQ {@link Converter} to the database type (decimal text,
 * fixed-width instant text, date text) and straight into the statement with the JDBC setter of that
 * type, as jOOQ's own binding would (on PostgreSQL a string goes untyped: see PostgresConnections). Not through {@code dsl.batch(insert).bind(...)}: that
 * wraps every value of every row in a new bind value and visits it with a render context, which
 * measured at more than half of the whole snapshot's time and most of its garbage. And not through
 * {@code batchInsert(records)}, which renders a statement per record (a quarter of raw JDBC speed).
 */
public final class RowBatch implements AutoCloseable {

    private final Table<?> table;
    private final String sql;
    private final PreparedStatement statement;
    private final Map<Field<?>, Parameter> parameters = new IdentityHashMap<>();
    private final Parameter[] inColumnOrder;
    private final boolean[] boundInCurrentRow;
    private final Row row = new Row();
    private boolean rowOpen;
    private int rowsInBatch;

    /**
     * Prepares the INSERT of every column of {@code table} except {@code generated} (filled by the database,
     * e.g. an AUTOINCREMENT id) on {@code connection}, which must be the one {@code tx} runs on.
     */
    public RowBatch(DSLContext tx, Connection connection, Table<?> table, Field<?>... generated) {
        this.table = table;
        List<Field<?>> excluded = Arrays.asList(generated);
        List<Field<?>> columns = Arrays.stream(table.fields()).filter(field -> !excluded.contains(field)).toList();
        this.inColumnOrder = new Parameter[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Parameter parameter = Parameter.of(columns.get(i), i + 1);
            inColumnOrder[i] = parameter;
            parameters.put(columns.get(i), parameter);
        }
        this.boundInCurrentRow = new boolean[columns.size()];
        this.sql = tx.render(tx.insertInto(table).columns(columns)
                .values(columns.stream().map(column -> DSL.param(column)).toList()));
        try {
            this.statement = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            int placeholders = statement.getParameterMetaData().getParameterCount();
            if (placeholders != columns.size()) {
                throw new IllegalStateException("jOOQ rendered " + placeholders + " bind values for the " + columns.size()
                        + " columns of " + table + ", so values would go to the wrong columns: " + sql);
            }
        } catch (SQLException | RuntimeException e) {
            closeAfter(e);
            throw e instanceof SQLException sqlException ? failure(sqlException) : (RuntimeException) e;
        }
    }

    /**
     * A new row; columns not set stay NULL. The row is added to the batch when the next one is begun or
     * the batch is executed, so the {@link Row} returned is only valid until then.
     */
    public Row add() {
        completeRow();
        rowOpen = true;
        return row;
    }

    /** Sends the rows added since the last call, if any, in one batch. */
    public void execute() {
        completeRow();
        if (rowsInBatch == 0) {
            return;
        }
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        rowsInBatch = 0;
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void completeRow() {
        if (!rowOpen) {
            return;
        }
        try {
            // Every parameter is set for every row: a driver may carry the previous row's values over.
            for (int i = 0; i < inColumnOrder.length; i++) {
                if (!boundInCurrentRow[i]) {
                    inColumnOrder[i].bindNull(statement);
                }
                boundInCurrentRow[i] = false;
            }
            statement.addBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
        rowOpen = false;
        rowsInBatch++;
    }

    private void closeAfter(Exception failure) {
        try {
            statement.close();
        } catch (SQLException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }

    /** As jOOQ reports a failed statement, so the repository translates it the same way. */
    private DataAccessException failure(SQLException e) {
        return new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
    }

    public final class Row {

        private Row() {
        }

        public <T> Row set(Field<T> column, T value) {
            if (!rowOpen) {
                throw new IllegalStateException("a row of the batch for " + table + " was set after the next one was begun");
            }
            Parameter parameter = parameters.get(column);
            if (parameter == null) {
                throw new IllegalArgumentException(column + " is not a column written by the batch for " + table);
            }
            try {
                parameter.bind(statement, value);
            } catch (SQLException e) {
                throw failure(e);
            }
            boundInCurrentRow[parameter.index() - 1] = true;
            return this;
        }
    }

    /** The JDBC setter for one database type: what jOOQ's default binding calls for it. */
    @FunctionalInterface
    private interface DatabaseValueSetter {
        void set(PreparedStatement statement, int index, Object databaseValue) throws SQLException;
    }

    private record Parameter(Field<?> column, int index, Converter<Object, Object> converter, DatabaseValueSetter setter,
                             int sqlType) {

        @SuppressWarnings("unchecked")
        static Parameter of(Field<?> column, int index) {
            Converter<Object, Object> converter = (Converter<Object, Object>) column.getConverter();
            return new Parameter(column, index, converter, setterFor(column, converter.fromType()),
                    column.getDataType().getSQLType());
        }

        private static DatabaseValueSetter setterFor(Field<?> column, Class<?> databaseType) {
            if (databaseType == String.class) {
                return (statement, index, value) -> statement.setString(index, (String) value);
            }
            if (databaseType == Long.class) {
                return (statement, index, value) -> statement.setLong(index, (Long) value);
            }
            if (databaseType == Integer.class) {
                return (statement, index, value) -> statement.setInt(index, (Integer) value);
            }
            if (databaseType == Boolean.class) {
                return (statement, index, value) -> statement.setBoolean(index, (Boolean) value);
            }
            // Better to refuse a new column type here, at the first write, than to bind it some other way than jOOQ would.
            throw new IllegalArgumentException(column + " is stored as " + databaseType.getName()
                    + ", which RowBatch has no JDBC setter for; add one matching jOOQ's binding of that type");
        }

        void bind(PreparedStatement statement, Object value) throws SQLException {
            Object databaseValue = converter.to(value);
            if (databaseValue == null) {
                bindNull(statement);
            } else {
                setter.set(statement, index, databaseValue);
            }
        }

        void bindNull(PreparedStatement statement) throws SQLException {
            statement.setNull(index, sqlType);
        }
    }
}
