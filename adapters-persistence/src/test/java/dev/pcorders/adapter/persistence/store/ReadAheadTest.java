package dev.pcorders.adapter.persistence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result set read ahead on a thread of its own, against a real SQLite file: the reader must get what a plain loop
 * over the result set would have given, a failure in its place, and the result set back once it closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadAheadTest {

    /** Many batches, more than ever wait: the reading thread has to wait for the reader. */
    private static final int ROWS = ReadAhead.BATCH_SIZE * (ReadAhead.BATCHES_AHEAD + 3) + 7;

    @TempDir
    Path folder;

    private Connection connection;
    private String threadName;

    @BeforeEach
    void numbers() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("rows.db"));
        threadName = "rows-read-ahead-test " + folder;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE number (n INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            statement.execute("WITH RECURSIVE up(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM up WHERE n < " + ROWS + ")"
                    + " INSERT INTO number SELECT n, 'row ' || n FROM up");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void givesEveryRowInResultSetOrder() throws SQLException {
        List<String> read = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n, text FROM number ORDER BY n");
             ReadAhead<String, SQLException> ahead = ReadAhead.rows(rows, row -> row.getLong(1) + ":" + row.getString(2), threadName)) {
            for (String row = ahead.next(); row != null; row = ahead.next()) {
                read.add(row);
            }
            assertThat(ahead.next()).as("still the end").isNull();
        }

        assertThat(read).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(read.get(i)).isEqualTo((i + 1) + ":row " + (i + 1));
        }
        assertThat(readingThreadsAlive()).isZero();
    }

    @Test
    void aFailureComesAfterEveryRowTakenBeforeIt() throws SQLException {
        int failingRow = ReadAhead.BATCH_SIZE * 2 + 3;
        List<Long> read = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM number ORDER BY n");
             ReadAhead<Long, SQLException> ahead = ReadAhead.rows(rows, row -> {
                 if (row.getLong(1) == failingRow) {
                     throw new SQLException("row " + failingRow + " cannot be read");
                 }
                 return row.getLong(1);
             }, threadName)) {
            Throwable failure = catchThrowable(() -> {
                for (Long row = ahead.next(); row != null; row = ahead.next()) {
                    read.add(row);
                }
            });
            assertThat(failure).as("after %s rows", read.size())
                    .isInstanceOf(SQLException.class).hasMessage("row " + failingRow + " cannot be read");
            assertThat(ahead.next()).as("nothing after the failure").isNull();
        }

        assertThat(read).hasSize(failingRow - 1).endsWith((long) failingRow - 1);
    }

    @Test
    void closingPartWayStopsTheReadingAndHandsTheResultSetBack() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM number ORDER BY n")) {
            ReadAhead<Long, SQLException> ahead = ReadAhead.rows(rows, row -> row.getLong(1), threadName);
            assertThat(ahead.next()).isEqualTo(1L);
            assertThat(readingThreadsAlive()).as("reading ahead while the caller holds it").isEqualTo(1);

            ahead.close();

            assertThat(readingThreadsAlive()).isZero();
            // The reading thread stopped somewhere after the rows it queued; the result set is usable again from here.
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isGreaterThan(1L);
        }
    }

    /** Close joins the reading thread, so once it has returned the thread is gone: nothing to wait for here. */
    private long readingThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(threadName) && thread.isAlive())
                .count();
    }
}
