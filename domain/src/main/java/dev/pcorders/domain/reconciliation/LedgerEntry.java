package dev.pcorders.domain.reconciliation;

/** One data line of a ledger file: a row to reconcile, or (in lenient mode) a row that could not be read. */
public sealed interface LedgerEntry permits LedgerRow, LedgerRowError {

    /** The line of the file the row starts on, counting the header as line 1. */
    long line();
}
