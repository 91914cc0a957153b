package dev.pcorders.adapter.persistence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * What a source gives, taken from it a few batches ahead of its reader by a thread of its own. For a read that turns
 * every item into objects while the source's own work (stepping a result set's cursor and decoding its values, parsing
 * a file) costs as much again: the two then run on two cores instead of one, and a large read takes about as long as
 * the slower of them. {@link #rows} reads a result set this way.
 *
 * <p>The reader sees the items in the source's order, then the end, or the failure that ended the reading after every
 * item taken before it. At most {@link #BATCHES_AHEAD} batches of {@link #BATCH_SIZE} items wait, so memory stays flat.
 * The reading thread is the only one to touch the source until {@link #close()} has returned; what the source holds
 * open is then the caller's again, or closed by {@code atEnd} on the reading thread.
 *
 * @param <T> an item
 * @param <X> the checked exception the source may throw ({@link RuntimeException} for none)
 */
public final class ReadAhead<T, X extends Exception> implements AutoCloseable {

    /** Items per batch. */
    public static final int BATCH_SIZE = 512;
    /** Batches that may wait for the reader. */
    public static final int BATCHES_AHEAD = 4;

    /** The next item, never null before the end, or null at the end; called on the reading thread only. */
    @FunctionalInterface
    public interface Source<T, X extends Exception> {
        T next() throws X;
    }

    /** Takes the values of a result set's current row; called on the reading thread, once per row, in order. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private record Batch(Object[] items, int size, boolean last, Exception failure) {
    }

    private static final Batch NONE = new Batch(new Object[0], 0, false, null);

    private final Source<T, X> source;
    private final Runnable atEnd;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private volatile RuntimeException atEndFailure;
    private Batch current = NONE;
    private int next;
    private boolean finished;

    private ReadAhead(Source<T, X> source, Runnable atEnd, String threadName) {
        this.source = source;
        this.atEnd = atEnd;
        this.thread = new Thread(this::readAll, threadName);
        // A reader that never closes must not keep the JVM alive.
        thread.setDaemon(true);
    }

    /**
     * Starts taking items from {@code source} on a thread named {@code threadName}, which runs {@code atEnd} (closing
     * the file, say) once it stops, whether at the end, on a failure or on {@link #close()}.
     */
    public static <T, X extends Exception> ReadAhead<T, X> start(Source<T, X> source, Runnable atEnd, String threadName) {
        ReadAhead<T, X> ahead = new ReadAhead<>(source, atEnd, threadName);
        ahead.thread.start();
        return ahead;
    }

    /** Starts taking the rows of {@code rows}, each as {@code reader} makes it (never null); the result set stays open. */
    public static <T> ReadAhead<T, SQLException> rows(ResultSet rows, RowReader<T> reader, String threadName) {
        return start(() -> rows.next() ? Objects.requireNonNull(reader.read(rows), "a row reader must not return null") : null,
                () -> { }, threadName);
    }

    private void readAll() {
        try {
            boolean last = false;
            while (!last && !closed) {
                Object[] taken = new Object[BATCH_SIZE];
                int size = 0;
                Exception failure = null;
                try {
                    while (size < BATCH_SIZE) {
                        // Taken first, so an item that fails takes no place in the batch.
                        T item = source.next();
                        if (item == null) {
                            break;
                        }
                        taken[size++] = item;
                    }
                    last = size < BATCH_SIZE;
                } catch (Exception e) {
                    failure = e;
                    last = true;
                }
                batches.put(new Batch(taken, size, last, failure));
            }
        } catch (InterruptedException stopped) {
            // close() asked the reading to stop: nobody takes further batches.
        } catch (Error e) {
            // Handed on so the reader fails instead of waiting for a batch that never comes.
            batches.clear();
            batches.offer(new Batch(new Object[0], 0, true, new IllegalStateException("reading ahead failed", e)));
        } finally {
            try {
                atEnd.run();
            } catch (RuntimeException e) {
                atEndFailure = e;
            }
        }
    }

    /**
     * The next item, or null after the last.
     *
     * @throws X as the source threw it, after every item taken before it; nothing follows it
     */
    @SuppressWarnings("unchecked")
    public T next() throws X {
        while (next == current.size()) {
            if (current.last() || finished) {
                finished = true;
                Exception failure = current.failure();
                current = NONE;
                next = 0;
                if (failure instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (failure != null) {
                    // Only the source throws checked exceptions, and it throws X.
                    throw (X) failure;
                }
                return null;
            }
            current = take();
            next = 0;
        }
        T item = (T) current.items()[next];
        current.items()[next++] = null;
        return item;
    }

    private Batch take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next items", e);
        }
    }

    /** Stops the reading, waits for the reading thread to end, and throws what {@code atEnd} threw. */
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
        if (atEndFailure != null) {
            throw atEndFailure;
        }
    }
}
