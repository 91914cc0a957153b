package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.domain.reconciliation.LedgerEntry;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The entries of an open ledger, parsed one batch ahead on a thread of their own. Parsing a row (the CSV, its ids,
 * amounts and dates) costs about as much as folding it into a reconciliation, so with the two on different cores a
 * large ledger takes about half as long to reconcile; on one core it costs a thread switch per batch and no more.
 *
 * <p>The caller sees exactly what {@link LedgerEntries} gives, in file order: the same entries, and a failure where
 * the file fails, after every entry read before it. At most {@link #BATCHES_AHEAD} batches of {@link #BATCH_SIZE}
 * entries wait, so memory stays flat however long the file. {@link #close()} stops the reading, waits for the reading
 * thread to end and closes the file.
 */
final class LedgerReadAhead implements Iterator<LedgerEntry>, AutoCloseable {

    static final int BATCH_SIZE = 1_024;
    static final int BATCHES_AHEAD = 4;
    static final String THREAD_NAME = "pc-orders-ledger-reader";

    /** Entries in file order, then, in the last batch, the end of the file or the failure that ended the reading. */
    private record Batch(LedgerEntry[] entries, int size, boolean last, RuntimeException failure) {
    }

    private final LedgerEntries source;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current = new Batch(new LedgerEntry[0], 0, false, null);
    private int next;
    private boolean finished;
    /** A failure closing the file, on the reading thread, for {@link #close()} to throw. */
    private volatile RuntimeException closeFailure;

    /**
     * Starts reading {@code source}, whose header has been read; from now on the reading thread owns it. The thread is
     * named after {@link #THREAD_NAME} and the file, for thread dumps.
     */
    LedgerReadAhead(LedgerEntries source, Path file) {
        this.source = source;
        this.reader = new Thread(this::readAll, THREAD_NAME + " " + file);
        // A stream its caller never closes must not keep the JVM alive.
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try {
            boolean last = false;
            while (!last && !closed) {
                LedgerEntry[] entries = new LedgerEntry[BATCH_SIZE];
                int size = 0;
                RuntimeException failure = null;
                try {
                    while (size < BATCH_SIZE && source.hasNext()) {
                        // Read first: an entry that fails must not take a place in the batch.
                        LedgerEntry entry = source.next();
                        entries[size++] = entry;
                    }
                    last = size < BATCH_SIZE;
                } catch (RuntimeException e) {
                    failure = e;
                    last = true;
                }
                batches.put(new Batch(entries, size, last, failure));
            }
        } catch (InterruptedException stopped) {
            // close() asked the reading to stop: nobody reads further batches.
        } catch (Error e) {
            // Handed on so the caller fails instead of waiting for a batch that never comes.
            batches.clear();
            batches.offer(new Batch(new LedgerEntry[0], 0, true, new IllegalStateException("reading the ledger failed", e)));
        } finally {
            try {
                source.close();
            } catch (RuntimeException e) {
                closeFailure = e;
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (next == current.size()) {
            if (current.last() || finished) {
                finished = true;
                if (current.failure() != null) {
                    RuntimeException failure = current.failure();
                    current = new Batch(current.entries(), current.size(), true, null);
                    throw failure;
                }
                return false;
            }
            current = take();
            next = 0;
        }
        return true;
    }

    @Override
    public LedgerEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in the ledger");
        }
        LedgerEntry entry = current.entries()[next];
        current.entries()[next++] = null;
        return entry;
    }

    private Batch take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ledger's next rows", e);
        }
    }

    /** Stops the reading, waits for the reading thread to close the file, and throws what closing it threw. */
    @Override
    public void close() {
        closed = true;
        finished = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        batches.clear();
        if (closeFailure != null) {
            throw closeFailure;
        }
    }
}
