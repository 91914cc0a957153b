package dev.pcorders.adapter.persistence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of an open result set, taken off it a few batches ahead of their reader by a thread of its own. For a read
 * that turns every row into objects: the driver's work (stepping the cursor, decoding each value) and the caller's
 * then run on two cores instead of one, so a large read takes about as long as the slower of the two.
 *
 * <p>The reader sees the rows in result-set order, then the end, or the failure that ended the reading after every
 * row taken before it. At most {@link #BATCHES_AHEAD} batches of {@link #BATCH_SIZE} rows wait, so memory stays flat.
 * The reading thread is the only one to touch the result set until {@link #close()} has returned: call it before the
 * result set, its statement or its transaction is closed.
 *
 * @param <T> what {@code RowReader} makes of one row
 */
public final class RowsReadAhead<T> implements AutoCloseable {

    static final int BATCH_SIZE = 512;
    static final int BATCHES_AHEAD = 4;

    /**
     * Takes the values of the result set's current row, never null (null marks the end); called on the reading thread,
     * once per row, in order.
     */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private record Batch(Object[] rows, int size, boolean last, Exception failure) {
    }

    private static final Batch NONE = new Batch(new Object[0], 0, false, null);

    private final ResultSet rows;
    private final RowReader<T> reader;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private Batch current = NONE;
    private int next;
    private boolean finished;

    private RowsReadAhead(ResultSet rows, RowReader<T> reader, String threadName) {
        this.rows = rows;
        this.reader = reader;
        this.thread = new Thread(this::readAll, threadName);
        thread.setDaemon(true);
    }

    /** Starts taking rows off {@code rows}, on a thread named {@code threadName}. */
    public static <T> RowsReadAhead<T> start(ResultSet rows, RowReader<T> reader, String threadName) {
        RowsReadAhead<T> ahead = new RowsReadAhead<>(rows, reader, threadName);
        ahead.thread.start();
        return ahead;
    }

    private void readAll() {
        try {
            boolean last = false;
            while (!last && !closed) {
                Object[] taken = new Object[BATCH_SIZE];
                int size = 0;
                Exception failure = null;
                try {
                    while (size < BATCH_SIZE && rows.next()) {
                        // Read first: a row that fails must not take a place in the batch.
                        T row = Objects.requireNonNull(reader.read(rows), "a row reader must not return null");
                        taken[size++] = row;
                    }
                    last = size < BATCH_SIZE;
                } catch (SQLException | RuntimeException e) {
                    failure = e;
                    last = true;
                }
                batches.put(new Batch(taken, size, last, failure));
            }
        } catch (InterruptedException stopped) {
            // close() asked the reading to stop: nobody takes further batches.
        } catch (Error e) {
            // Handed on so the caller fails instead of waiting for a batch that never comes.
            batches.clear();
            batches.offer(new Batch(new Object[0], 0, true, new IllegalStateException("reading the rows failed", e)));
        }
    }

    /**
     * The next row as {@code RowReader} made it, or null after the last.
     *
     * @throws SQLException as the result set or the row reader threw it, after every row taken before it
     */
    @SuppressWarnings("unchecked")
    public T next() throws SQLException {
        while (next == current.size()) {
            if (current.last() || finished) {
                finished = true;
                Exception failure = current.failure();
                current = NONE;
                next = 0;
                if (failure instanceof SQLException sql) {
                    throw sql;
                }
                if (failure != null) {
                    throw (RuntimeException) failure;
                }
                return null;
            }
            current = take();
            next = 0;
        }
        T row = (T) current.rows()[next];
        current.rows()[next++] = null;
        return row;
    }

    private Batch take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next rows", e);
        }
    }

    /** Stops the reading and waits for the reading thread to end; the result set is the caller's again. */
    @Override
    public void close() {
        closed = true;
        finished = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        batches.clear();
    }
}
