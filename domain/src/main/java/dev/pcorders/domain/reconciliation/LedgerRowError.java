package dev.pcorders.domain.reconciliation;

import java.util.Objects;

/** A ledger row that could not be read, skipped in lenient mode: where it is and what is wrong with it. */
public record LedgerRowError(long line, String column, String problem) implements LedgerEntry {

    public LedgerRowError {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(problem, "problem");
    }
}
