package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.adapter.persistence.store.ReadAhead;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The entries of an open ledger, parsed a few batches ahead on a thread of their own ({@link ReadAhead}). Parsing a
 * row (the CSV, its ids, amounts and dates) costs about as much as folding it into a reconciliation, so the two run on
 * two cores. The caller sees exactly what {@link LedgerEntries} gives, in file order: the same entries, and a failure
 * where the file fails, after every entry read before it. {@link #close()} stops the reading and closes the file.
 */
final class LedgerReadAhead implements Iterator<LedgerEntry>, AutoCloseable {

    /** The reading thread's name, followed by the file's, for thread dumps. */
    static final String THREAD_NAME = "pc-orders-ledger-reader";

    private final ReadAhead<LedgerEntry, RuntimeException> ahead;
    private LedgerEntry next;

    /** Starts reading {@code source}, whose header has been read; from now on the reading thread owns it. */
    LedgerReadAhead(LedgerEntries source, Path file) {
        this.ahead = ReadAhead.start(() -> source.hasNext() ? source.next() : null, source::close, THREAD_NAME + " " + file);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = ahead.next();
        }
        return next != null;
    }

    @Override
    public LedgerEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in the ledger");
        }
        LedgerEntry entry = next;
        next = null;
        return entry;
    }

    /** Stops the reading, waits for the reading thread to close the file, and throws what closing it threw. */
    @Override
    public void close() {
        ahead.close();
    }
}
